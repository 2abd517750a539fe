/** The app's version (package.json), put in at build time; shown in Settings and sent with each sync. */
export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION ?? '0.0.0';
