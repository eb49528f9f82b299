/** A customer in Japan. @residency jp-with-basis */
export interface Customer {
  /** @category identifier */ id: string;
  /** @category contact */ email: string;
  /** @category payment */ cardLast4: string;
  /** @category location */ lastLocation: string;
}
