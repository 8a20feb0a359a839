/* validate.h - the pass between load and use: ids, references, sources, signs.
 *
 * load_dir() and friends call validate() on what they read; check also runs
 * validate_lint(). After validate() returns 0, printers, the index and the
 * pager may assume a well-formed tree.
 */
#ifndef EXOREAD_VALIDATE_H
#define EXOREAD_VALIDATE_H

#include "model.h"

/* Validate a loaded tree: ids, references, sources, signs; fills sections, terms, signs.
 * Returns 0 when clean (warnings allowed), -1 when errors were reported. */
int validate(struct content *c);

/* Warn (DIAG_WARNING) about every word that mixes scripts, such as Latin
 * letters with Cyrillic look-alikes, and about a question listed twice. */
void validate_lint(const struct content *c);

#endif
