// The member rules, one file per operation; callers import them from here.
export { addMember, generateInitialPassword, INITIAL_PASSWORD_LENGTH, type AddedMember } from "./add";
export { changeMemberRoles, removeMember } from "./change";
export { transferOwnership } from "./transfer";
