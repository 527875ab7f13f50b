import { sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { log } from "@/lib/log";
import { CLIENT_IP_HEADER } from "@/lib/server/client-ip";
import { loginSchema } from "@/lib/validations/auth";
import { verifyPassword } from "./password";
import { THROTTLED_ERROR } from "./sign-in-messages";
import { recordSignInFailure, signInWaitMinutes } from "./sign-in-throttle";

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
        async authorize(credentials, req) {
          const parsed = loginSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          // server.ts stamps the socket address on every console request; a client cannot set it.
          const stamped = req?.headers?.[CLIENT_IP_HEADER];
          const ip = typeof stamped === "string" && stamped ? stamped : "unknown";
          const wait = await signInWaitMinutes(ip, email);
          if (wait > 0) {
            log("info", "sign-in refused", { reason: "throttled", ip });
            throw new Error(`${THROTTLED_ERROR}:${wait}`);
          }
          const user = await findUserByEmail(email);
          const valid = await verifyPassword(password, user?.passwordHash);
          if (!user || !valid) {
            await recordSignInFailure(ip, email);
            log("info", "sign-in refused", { reason: "invalid_credentials", ip });
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
