// The optional self-described categories of the pre-chat form (gender and
// municipality), for the anonymous statistics only. A question the service
// does not ask (an empty list in the catalogue) is hidden.

function option(value, text) {
  const element = document.createElement('option');
  element.value = value;
  element.textContent = text;
  return element;
}

/** Fills a select with a "skip" choice and the catalogue's values, keeping what was chosen. */
function fill(select, values, skipText, textOf) {
  const kept = select.value;
  select.replaceChildren(option('', skipText), ...values.map((value) => option(value, textOf(value))));
  select.value = values.includes(kept) ? kept : '';
  select.closest('.fyren-field').hidden = values.length === 0;
}

/**
 * Fills the gender and municipality selects. Gender ids are translated
 * (gender.<id>); municipalities are names, except "other".
 */
export function fillSelfDescription({ gender, municipality }, catalogue, t) {
  fill(gender, catalogue.genders, t('prechat.genderSkip'), (id) => t(`gender.${id}`, {}, id));
  fill(municipality, catalogue.municipalities, t('prechat.municipalitySkip'),
    (name) => (name === 'other' ? t('municipality.other') : name));
}

/** Adds what the visitor chose (nothing for a skipped question) to a join request. */
export function addSelfDescription(request, { gender, municipality }) {
  if (gender.value) request.gender = gender.value;
  if (municipality.value) request.municipality = municipality.value;
  return request;
}
