/*
 * Pedaflow: the checks Camunda Forms makes on the page, in French.
 *
 * The form library bundled with Tasklist (form-js) writes its validation messages in English
 * ("Field is required.", "Field must match pattern ^https?://\S+$.") and has no translation of its
 * own, whatever Tasklist's language. This module, loaded by config.js (customScripts), rewrites each
 * message as it appears under a field. The server checks the same rules and answers in French.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must have minimum length of (\d+)\.$/, (n) => `Au moins ${n} caractère${n > 1 ? 's' : ''}.`],
  [/^Field must have maximum length of (\d+)\.$/, (n) => `Au plus ${n} caractère${n > 1 ? 's' : ''}.`],
  [/^Field must have minimum value of (.+)\.$/, (n) => `La valeur doit être au moins ${n.replace('.', ',')}.`],
  [/^Field must have maximum value of (.+)\.$/, (n) => `La valeur doit être au plus ${n.replace('.', ',')}.`],
  [/^Field must match pattern [\s\S]*\.$/, () => "La valeur n'a pas le format attendu (voir l'aide sous le champ)."],
  [/^Field must be a valid email\.$/, () => 'Adresse électronique non valide.'],
  [/^Value is not a number\.$/, () => "La valeur n'est pas un nombre."],
  [/^Value is expected to be an integer\.$/, () => 'Un nombre entier est attendu.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/,
    (n) => `Au plus ${n} chiffre${n > 1 ? 's' : ''} après la virgule.`],
  [/^Please select a valid value, the two nearest valid values are (.+)\.$/,
    (pair) => `Valeur non valide : les deux valeurs valides les plus proches sont ${pair.replace(' and ', ' et ')}.`],
  [/^Field must be a valid\s+international phone number\.[\s\S]*$/,
    () => 'Numéro de téléphone international non valide (par exemple +33123456789).']
];

/** The French message for one of form-js's messages, or null for any other text. */
export function translate(text) {
  const message = text.trim();
  for (const [english, french] of MESSAGES) {
    const match = english.exec(message);
    if (match) {
      return french(match[1]);
    }
  }
  return null;
}

function translateErrors() {
  for (const error of document.querySelectorAll('.fjs-form-field-error')) {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const french = translate(node.data);
      if (french !== null) {
        node.data = french; // a French text matches no pattern: no loop
      }
    }
  }
}

new MutationObserver(translateErrors).observe(document.body, { childList: true, subtree: true, characterData: true });
