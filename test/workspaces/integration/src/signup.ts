// A sign-up form nobody has annotated yet: the "Mark as personal data" code action proposes its fields.
export class SignupForm {
  email!: string;
  acceptTerms!: boolean;
}
