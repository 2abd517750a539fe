/** The app's version (package.json), put in at build time: shown in Settings and sent with each sync. */
declare const __APP_VERSION__: string;

export const APP_VERSION: string = __APP_VERSION__;
