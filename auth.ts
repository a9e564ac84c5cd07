// Sign-in with email and password (scrypt hashes); the session carries the member id only, and
// every request reads the member (role, organization) fresh from the database.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authConfigWithSecret, SESSION_SECONDS } from "./auth.config";
import { getDb } from "./db/client";
import { findMemberByEmail } from "./db/queries/members";
import { createSession } from "./db/queries/sessions";
import { verifyPassword } from "./lib/auth/password";

export const credentialsSchema = z.object({
  email: z.email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
});

const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

export const { auth, handlers, signIn, signOut } = NextAuth(() => ({
  ...authConfigWithSecret(),
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const db = await getDb();
        const member = await findMemberByEmail(db, { email: parsed.data.email });
        // Hash even when the member is unknown, so timing does not reveal which emails exist.
        const ok = await verifyPassword(parsed.data.password, member?.passwordHash ?? DUMMY_HASH);
        if (!member || !ok) throw new CredentialsSignin();
        const sessionId = await createSession(db, { memberId: member.id, expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) });
        return { id: member.id, email: member.email, name: member.name, sessionId };
      },
    }),
  ],
}));
