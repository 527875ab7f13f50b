import { sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { loginSchema } from "@/lib/validations/auth";
import { verifyPassword } from "./password";

async function findUserByEmail(email: string) {
  const [user] = await getDb()
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return user;
}

function oidcProvider(): Provider | undefined {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return undefined;
  return {
    id: "oidc",
    name: OIDC_NAME || "Single sign-on",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? null };
    },
  };
}

export const oidcEnabled = () => Boolean(oidcProvider());

export function getAuthOptions(): NextAuthOptions {
  const oidc = oidcProvider();
  return {
    secret: getConfig().authSecret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await findUserByEmail(parsed.data.email);
          const valid = await verifyPassword(parsed.data.password, user?.passwordHash);
          if (!user || !valid) {
            log("info", "sign-in refused", { reason: "invalid_credentials" });
            return null;
          }
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      // OIDC sign-in is for people who already have a Keyward user with that email.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        return Boolean(user.email && (await findUserByEmail(user.email)));
      },
      async jwt({ token, user, account }) {
        if (user && account?.provider === "oidc" && user.email) {
          const local = await findUserByEmail(user.email);
          if (local) token.sub = local.id;
        } else if (user) {
          token.sub = user.id;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
}
