/** Starts a download of `text` as a file: a Blob behind a link with `download`, clicked once. */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the Blob once the download started; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
