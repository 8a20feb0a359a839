/* synonyms.h - `exoread check --synonyms`: WordNet words an author may add to also_called. */
#ifndef EXOREAD_SYNONYMS_H
#define EXOREAD_SYNONYMS_H

#include <stdio.h>

#include "model.h"
#include "wordnet.h"

/* Senses of each part of speech whose words are offered: the most frequent only (for
 * nouns, the first about the body; see wordnet_synonyms). */
#define SYNONYM_SENSES 1

/*
 * For every section, glossary term and list item that has names (a title or
 * also_called), write to out one line per WordNet synonym of a name that no
 * name anywhere in the content already says (compared by folded stems):
 *   file:line:col: hint: WordNet lists 'pyrexia' with 'fever'; ...
 * at the name's place. These are candidates to review against the sources,
 * never facts. Returns the number of hints written.
 */
size_t synonym_hints(const struct content *c, const struct wordnet *wn, FILE *out);

#endif
