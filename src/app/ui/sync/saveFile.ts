/**
 * Hands a file to the browser's download, which on a tablet asks where to
 * keep it (Files, Downloads). Works offline: the file never leaves the device
 * through the network.
 */
export function saveFile(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
  // Safari starts the download after the click returns: release the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
