#!/usr/bin/env node
// Annotates sahat/hackathon-starter (pinned commit in corpus.json) the way a privacy team would.
//   node annotate-hackathon-starter.mjs [projectDir]     (prepare.mjs runs it on a fresh extraction)
//
// Plain CommonJS JavaScript without types: `req`, `req.user` and `req.body` are `any`, so a symbol-based
// checker only sees personal data where it is declared — in the Mongoose schema, and at the few local
// variables where a form's personal data enters. What is annotated, and why:
// Sources:
// - models/User.js, the `new mongoose.Schema({...})` definition (tags on the object-literal properties, each
//   `@residency jp-with-basis @category …`): email → contact; password (bcrypt hash), the reset / verification
//   / login tokens, twoFactorCode, totpSecret, tokens (OAuth access/refresh tokens of every linked provider),
//   webauthnUserID, webauthnCredentials → credentials; the *IpHash fields (SHA-256 of the client IP, still
//   linkable) and the linked account ids (discord … x) → identifier; profile.name → contact, profile.gender,
//   profile.location, profile.website → profile, profile.picture / pictures → media. Flags, expiry dates and
//   pictureSource are `@residency unrestricted`.
// - controllers/contact.js postContact: `let fromName; let fromEmail;` (the sender of the contact form) →
//   contact.
// - controllers/api.js: postStripe `const { stripeToken, stripeEmail } = req.body` → payment; postTwilio
//   `const message = {to: req.body.number, body: req.body.message}` → contact; getLob `let recipientName` →
//   contact.
// - controllers/ai.js: postLLMClassifier `inputText` (a customer's inquiry) and postRagAsk `question` →
//   personal; postLLMCamera `dataUrl` (a photo from the user's camera) → media.
// Destinations (`@recipient`, parties in residency.config.json):
// - config/nodemailer.js `let transporter` (SMTP_HOST: the team's US mail vendor) → smtp-relay. All account
//   mails (login links, verification, reset, 2FA codes) and the contact form go through sendMail(settings).
// - controllers/api.js the `stripe` and `twilioClient` SDK clients (module constants) → stripe, twilio; the Lob
//   `lettersApi` client → lob (prints and posts a letter to the user's name and address).
// - controllers/ai.js `callGroqApi` (classifier and camera; POST to api.groq.com) and the RAG `llm`
//   (ChatGroq) → groq; `hf` in createHuggingFaceEmbeddings (HuggingFace Inference, embeds the RAG question)
//   → huggingface.
// Left to inference (no tag): the fetch calls to graph.facebook.com, api.github.com, Twitch, Trakt, Tumblr,
// QuickBooks, Steam with the user's OAuth tokens and account ids (all read from `req.user`, untyped), the
// reCAPTCHA call, and token revocation in config/token-revocation.js (URL per provider from config).
import { Annotator, annotationRoot } from './lib.mjs';

const a = new Annotator(annotationRoot('hackathon-starter'), 'hackathon-starter');
const R = '@residency jp-with-basis';
const U = '@residency unrestricted';

// --- models/User.js schema
{
  const f = 'models/User.js';
  const s = 'const userSchema = new mongoose.Schema(';
  const t = (anchor, tags) => a.tag(f, anchor, tags, { within: s });
  t('    email: { type: String, unique: true, required: true },', `${R} @category contact`);
  t('    password: String,', `${R} @category credentials`);
  for (const k of ['passwordReset', 'emailVerification', 'login']) {
    t(`    ${k}Token: String,`, `${R} @category credentials`);
    t(`    ${k}Expires: Date,`, U);
    t(`    ${k}IpHash: String,`, `${R} @category identifier`);
  }
  t('    emailVerified: { type: Boolean, default: false },', U);
  t('    twoFactorEnabled: { type: Boolean, default: false },', U);
  t("    twoFactorMethods: { type: [String], enum: ['email', 'totp'], default: [] },", U);
  t('    twoFactorCode: String,', `${R} @category credentials`);
  t('    twoFactorExpires: Date,', U);
  t('    twoFactorIpHash: String,', `${R} @category identifier`);
  t('    totpSecret: String,', `${R} @category credentials`);
  t('    webauthnUserID: { type: Buffer, minlength: 16, maxlength: 64 },', `${R} @category credentials`);
  t('    webauthnCredentials: [', `${R} @category credentials`);
  for (const k of ['discord', 'facebook', 'github', 'google', 'linkedin', 'microsoft', 'quickbooks', 'steam', 'trakt', 'tumblr', 'twitch', 'x']) {
    t(`    ${k}: String,`, `Linked ${k} account id. ${R} @category identifier`);
  }
  t('    tokens: Array,', `OAuth tokens of linked providers. ${R} @category credentials`);
  t('      name: String,', `${R} @category contact`);
  t('      gender: String,', `${R} @category profile`);
  t('      location: String,', `${R} @category profile`);
  t('      website: String,', `${R} @category profile`);
  t('      picture: String,', `${R} @category media`);
  t('      pictureSource: String,', U);
  t('      pictures: {', `${R} @category media`);
}

// --- entry points of untyped personal data
a.tag('controllers/contact.js', '  let fromName;', `Sender of the contact form. ${R} @category contact`);
a.tag('controllers/contact.js', '  let fromEmail;', `${R} @category contact`);
a.tag('controllers/api.js', '  const { stripeToken, stripeEmail } = req.body;', `Card token and e-mail from Checkout. ${R} @category payment`);
a.tag('controllers/api.js', '  const message = {', `Phone number and text entered by the user. ${R} @category contact`, { within: 'exports.postTwilio = ' });
a.tag('controllers/api.js', '  let recipientName;', `${R} @category contact`);
a.tag('controllers/ai.js', "  const inputText = (req.body.inputText || '').slice(0, 300);", `A customer's inquiry. ${R}`);
a.tag('controllers/ai.js', "  const question = (req.body.question || '').slice(0, 500);", `The user's question. ${R}`);
a.tag('controllers/ai.js', '    const dataUrl = createImageDataUrl(req.file);', `Photo from the user's camera. ${R} @category media`);

// --- destinations
a.tag('config/nodemailer.js', '  let transporter = nodemailer.createTransport(transportConfig);', 'SMTP relay of our US mail vendor (SMTP_HOST). @recipient smtp-relay');
a.tag('controllers/api.js', "const stripe = require('stripe')(process.env.STRIPE_SKEY);", '@recipient stripe');
a.tag('controllers/api.js', "const twilioClient = require('twilio')(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);", '@recipient twilio');
a.tag('controllers/api.js', '    const lettersApi = new LettersApi(config);', '@recipient lob');
a.tag('controllers/ai.js', 'const callGroqApi = async (apiRequestBody, apiKey) => {', 'POSTs to api.groq.com (Groq, US). @recipient groq');
a.tag('controllers/ai.js', '    const llm = new ChatGroq({', '@recipient groq');
a.tag('controllers/ai.js', '  const hf = new HfInference(apiKey);', 'HuggingFace Inference API (US). @recipient huggingface');

a.create('residency.config.json', `{
  // Residency Guard configuration written by bench/corpus/annotate-hackathon-starter.mjs (corpus harness).
  "pack": "jp",
  "parties": {
    "smtp-relay":  { "name": "Twilio SendGrid (SMTP relay)", "access": "contractor-overseas", "country": "US" },
    "stripe":      { "name": "Stripe, Inc.", "access": "contractor-overseas", "country": "US" },
    "twilio":      { "name": "Twilio Inc. (SMS)", "access": "contractor-overseas", "country": "US" },
    "lob":         { "name": "Lob.com, Inc. (print and mail)", "access": "contractor-overseas", "country": "US" },
    "groq":        { "name": "Groq, Inc. (LLM inference)", "access": "contractor-overseas", "country": "US" },
    "huggingface": { "name": "Hugging Face, Inc. (Inference API)", "access": "contractor-overseas", "country": "US" }
  }
}
`);
a.finish();
