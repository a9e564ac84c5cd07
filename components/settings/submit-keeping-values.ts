import { startTransition, type FormEvent } from "react";

/**
 * An `onSubmit` that runs a form's action without React's reset of the form afterwards (the form
 * keeps `action=` for a submit before hydration). The reset put a select whose stored option had
 * just gone back on its first option, and threw away edits the owner had not saved yet; settings
 * forms remount their fields from the saved values instead.
 */
export function submitKeepingValues(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
