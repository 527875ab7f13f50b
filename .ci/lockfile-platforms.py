#!/usr/bin/env python3
# The npm registry reachable here serves only some platforms' optional binaries (e.g. no
# @next/swc-darwin-arm64), so `npm install` leaves them out of package-lock.json and `npm ci`
# then refuses the lock as out of sync. This adds lock entries for them, marked optional with
# their os/cpu, which npm skips on this platform and resolves from the registry elsewhere.
# Usage: npm ci 2>&1 | grep "Missing:" | sed "s/npm error Missing: //; s/@ from lock file//" > missing.txt
#        python3 .ci/lockfile-platforms.py package-lock.json missing.txt
import json, re, sys
lock_path, missing_path = sys.argv[1], sys.argv[2]
lock = json.load(open(lock_path))
pkgs = lock["packages"]
missing = [l.strip() for l in open(missing_path) if l.strip()]
def platform(name):
    tail = name.split("/")[-1]
    os_ = next((o for o in ["darwin","win32","linux","android","freebsd","openharmony"] if f"-{o}-" in f"-{tail}-"), None)
    cpu = next((c for c in ["arm64","x64","ia32","arm","loong64","ppc64","riscv64","s390x","wasm32"] if re.search(rf"-{c}(-|$)", tail)), None)
    libc = "musl" if "musl" in tail else ("glibc" if re.search(r"-gnu", tail) else None)
    return os_, cpu, libc
for name in missing:
    key = f"node_modules/{name}"
    if key in pkgs: continue
    version = None; dev = True
    for p, meta in pkgs.items():
        od = meta.get("optionalDependencies", {})
        if name in od:
            version = od[name]; dev = dev and meta.get("dev", False)
    assert version, name
    os_, cpu, libc = platform(name)
    entry = {"version": version}
    if dev: entry["dev"] = True
    entry["optional"] = True
    if cpu: entry["cpu"] = [cpu]
    if libc: entry["libc"] = [libc]
    if os_: entry["os"] = [os_]
    pkgs[key] = entry
lock["packages"] = dict(sorted(pkgs.items(), key=lambda kv: (kv[0] != "", kv[0])))
json.dump(lock, open(lock_path, "w"), indent=2); open(lock_path, "a").write("\n")
print("patched", len(missing))
