import { SettingsNav } from "@/components/settings/org-settings-nav";
import { requireMemberPage } from "@/lib/auth/session";

// Settings are the owner's: a coordinator opening any /settings URL is sent back to the inbox.
// Each page and every action checks the role again (layouts and pages render independently).
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  await requireMemberPage(["owner"]);
  return (
    <div className="md:grid md:grid-cols-[13rem_minmax(0,1fr)]">
      <aside className="border-b border-slate-200 bg-white md:min-h-[calc(100vh-3.5rem)] md:border-r md:border-b-0">
        <p className="hidden px-6 pt-5 text-xs font-semibold tracking-wide text-slate-500 uppercase md:block">Settings</p>
        <SettingsNav />
      </aside>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
