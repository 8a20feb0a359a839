/* wordnet.h - synonyms from the WordNet database files, for authoring hints.
 *
 * Reads the files of the Debian package wordnet-base (index.POS, data.POS and
 * POS.exc for noun, verb, adj and adv) from $WNSEARCHDIR, else
 * /usr/share/wordnet. The files are mapped, not read: a lookup is a binary
 * search over the sorted index and one line of data per sense. Used by
 * `exoread check --synonyms` only; the search never reads WordNet.
 */
#ifndef EXOREAD_WORDNET_H
#define EXOREAD_WORDNET_H

#include <stddef.h>

struct wordnet;

/* Map the files of dir (NULL: $WNSEARCHDIR, then /usr/share/wordnet). NULL
 * when no index file can be read; *where names the folder looked in (dir,
 * the environment's value or the default, so valid as long as they are). */
struct wordnet *wordnet_open(const char *dir, const char **where);
void wordnet_close(struct wordnet *wn);

/* Called with each synonym: lowercase, words apart by spaces, len bytes. */
typedef void (*wordnet_fn)(void *arg, const char *word, size_t len);

/*
 * The words that share one of the first max_senses senses of each part of
 * speech with phrase (any case; words apart by spaces, hyphens kept); for a
 * noun with a sense among the body, its processes and states (noun.body,
 * noun.process, noun.state), the first such sense alone. Never phrase
 * itself. A phrase that is a lemma of some part of speech is
 * read as that lemma only ("tired" the adjective, not the verb "tire"); one
 * that is none is looked up by WordNet's own rules (its exception lists, then
 * its suffix rules: "bruises" as "bruise"). Returns how many were passed
 * to fn, in the database's order, repeats included.
 */
size_t wordnet_synonyms(const struct wordnet *wn, const char *phrase, size_t max_senses,
			wordnet_fn fn, void *arg);

#endif
