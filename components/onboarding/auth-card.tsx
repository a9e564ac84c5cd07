/** The centred card of the public pages (sign-up, invitation), matching the sign-in page. */
export function AuthCard({ title, intro, children, wide = false }: { title: string; intro?: React.ReactNode; children: React.ReactNode; wide?: boolean }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className={`w-full ${wide ? "max-w-md" : "max-w-sm"}`}>
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-700">Rebound</p>
          <p className="mt-1 text-sm text-slate-600">Every missed call, texted back in seconds.</p>
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-lg font-semibold">{title}</h1>
          {intro ? <div className="mt-1 text-sm text-slate-600">{intro}</div> : null}
          <div className="mt-4">{children}</div>
        </div>
      </div>
    </main>
  );
}
