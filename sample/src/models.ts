/** A user of the messenger in Japan. @residency jp-with-basis */
export interface MessengerUser {
  /** @category identifier */ id: string;
  /** @category contact */ name: string;
  /** @category contact */ phoneNumber: string;
  /** @category contact */ email: string;
  /** @residency unrestricted */ displayTheme: string;
}

/** The text of a talk message. @residency jp-only @category message-content */
export type TalkText = string;

/** A message a user reported as inappropriate. */
export interface ReportedMessage {
  id: string;
  /** @residency jp-with-basis @category reported-content */
  excerpt: string;
  body: TalkText;
}

/** A photo or video sent in a talk. @residency jp-with-basis @category media @access internal-jp contractor-overseas */
export interface TalkMedia {
  id: string;
  bytes: Uint8Array;
  caption: string;
}
