/** A user of the service in Japan. @residency jp-with-basis */
export interface User {
  /** @category identifier */ id: string;
  /** @category contact */ name: string;
  /** @category contact */ email: string;
  /** @residency unrestricted */ theme: string;
}
