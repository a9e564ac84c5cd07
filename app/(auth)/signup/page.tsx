import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/onboarding/auth-card";
import { SignupForm } from "@/components/onboarding/signup-form";
import { optionalMember } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create your spa" };

/** Public: a new organization with its owner. Someone already signed in goes to their inbox. */
export default async function SignupPage() {
  if (await optionalMember()) redirect("/inbox");
  return (
    <AuthCard title="Create your spa on Rebound" intro="You will be its owner. A checklist then walks you through connecting your phone number.">
      <SignupForm />
      <p className="mt-4 text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
