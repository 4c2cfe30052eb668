/** A form's fields by name, as text. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  return Object.fromEntries([...new FormData(form).entries()].map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']));
}

/** "branch-1, branch-2" → ['branch-1', 'branch-2'] */
export function siteList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A form's submit handler: the browser's own submission is stopped and the form handed on. */
export function onSubmit(handle: (form: HTMLFormElement) => unknown): (e: Event) => void {
  return (e: Event) => {
    e.preventDefault();
    void handle(e.target as HTMLFormElement);
  };
}
