/* search_int.h - what the search files share: the index's structs and
 * constants, and each file's functions for the others. search_index.c holds
 * the hash tables and builds the index, search_query.c turns a query into
 * units (stop and filler words, spelling, corrections, suggestions),
 * search_snippet.c cuts snippets and marks matches, and search.c ranks
 * sections and holds the API of search.h. Private to them. */
#ifndef EXOREAD_SEARCH_INT_H
#define EXOREAD_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fold.h"
#include "search.h"
#include "util.h"

enum field {
	F_TITLE,        /* section title */
	F_SECTION_ALSO, /* a section's also_called */
	F_QUESTION,     /* the question of a QA */
	F_TERM,         /* a glossary term */
	F_ALSO,         /* an item's or term's also_called */
	F_BODY,         /* paragraphs, list text, notes, claims, definitions */
	F_ANSWER,       /* the answer of a QA */
	F_ASKED,        /* a question a section says it answers (its `questions`) */
	F_COUNT
};

/* Titles and questions say what a section is about; body words only mention things. */
extern const double field_weight[F_COUNT];

enum {
	POS_SRC_SHIFT = 16, /* word numbers are below 2^16 (MAX_SRC_WORDS) */
	MAX_UNITS = 32,     /* query units beyond this are ignored */
	MAX_PHRASE = 16,    /* words of one quoted phrase */
	MAX_FUZZY_LEN = 64, /* longer words are never typos worth fixing */
	MAX_SRC_WORDS =
		UINT16_MAX, /* words of one string that are indexed (64 KiB of text hold fewer) */
	MAX_RAW = 256,      /* longer spellings are folded every time rather than kept */
	NO_TERM = UINT32_MAX,
	NO_SECTION = UINT32_MAX, /* search_index.up of a top-level section */
	OFF_BITS = 4,            /* bits of a posting's first varint that hold its word number */
	OFF_INLINE = (1 << OFF_BITS) - 1,
	POSTING_MAX = 9, /* bytes of one posting at most: a 36-bit and a 16-bit varint */
};

#define TF_SCALE 4.0 /* a term's count in a section is kept times this */

enum {
	MAX_PHRASE_WORDS = 4, /* words of a title or also_called phrase kept for correction */
	MAX_SAID_WORDS = 8,   /* longer titles and also_called are never looked for in a query */
	OVERVIEW = 0x80,      /* titlen: a section with subsections, or a word list */
	TIMED = 0x40,         /* titlen: a section that asks how long or how soon, or has signs */
	TITLE_WORDS = 0x3f,   /* titlen: the words of its title, at most this many */
};

/*
 * 12 bytes, packed: there is one per indexed string. The string itself is
 * found again from the node (src_text). A section number takes 28 bits; 2^28
 * sections would need far more memory than their nodes could ever get. A
 * word's position, for nearness, is (src - its section's first src) <<
 * POS_SRC_SHIFT plus its word number, so strings never run into each other.
 */
struct __attribute__((packed)) src {
	const struct node *node; /* block, item or section */
	uint32_t sec : 28;       /* index into content.sections */
	uint32_t field : 3;      /* enum field */
	uint32_t prose : 1;      /* its node is a paragraph or a note */
};

/* The packing the index relies on. */
_Static_assert(F_COUNT <= 1 << 3, "struct src.field holds every enum field");
_Static_assert(sizeof(struct src) == sizeof(const struct node *) + sizeof(uint32_t),
	       "struct src stays packed: a pointer and one 32-bit word");
_Static_assert(MAX_SRC_WORDS <= 1 << POS_SRC_SHIFT,
	       "a word number fits below POS_SRC_SHIFT in a position");
_Static_assert(
	(32 + OFF_BITS + 6) / 7 + (16 + 6) / 7 <= POSTING_MAX,
	"a posting (a 32-bit src step with OFF_BITS, a 16-bit word number) fits POSTING_MAX");
_Static_assert((OVERVIEW | TIMED | TITLE_WORDS) <= UINT8_MAX && (OVERVIEW & TIMED) == 0 &&
		       ((OVERVIEW | TIMED) & TITLE_WORDS) == 0,
	       "titlen holds a title's words, and the OVERVIEW and TIMED bits, in one byte");

struct term {
	char *stem;
	uint8_t *post;       /* postings, encoded as search_index.c opens by saying */
	uint32_t plen, pcap; /* bytes used and allocated */
	uint8_t *sl;         /* section list, encoded as search_index.c opens by saying */
	uint32_t slen, scap;
	uint32_t df;   /* sections holding the term */
	uint32_t *syn; /* synonym terms */
	uint32_t nsyn;
	/* While building: the last posting, the section of the last one, where
	 * that section's postings start, and what its section entry will say. */
	uint32_t lastsrc, lastsec, slsec, secoff;
	uint16_t lastoff;
	uint16_t spread; /* prose blocks after the first that hold the term */
	uint16_t tf;     /* field-weighted count, times TF_SCALE */
	bool title;      /* in the title or a QA's question */
	bool named;      /* in some section's title, question, term or also_called */
	bool asked;      /* in some section's questions (F_ASKED) */
	bool shown;      /* in some text the reader shows (any field but F_ASKED) */
	bool sign;       /* names a sign: in its item name or a one-word also_called */
	bool sign_head;  /* says what a sign is: its text's first word, or a one-word also_called */
	uint8_t urg;     /* the urgencies (1 << enum urgency) of the signs whose names hold it */
	const struct node *lastblk;
};

/* A short title or also_called entry (word ids), for correcting real-word slips. */
struct phrase {
	uint32_t w[MAX_PHRASE_WORDS];
	uint32_t n;
};

/* A spelling seen in the content, as written, and the word it folds to. */
struct raw {
	uint32_t at;   /* offset of the NUL-terminated bytes in search_index.rawbytes */
	uint32_t word; /* index into words, or NO_TERM when it folds to nothing */
};

/* A folded word as written, for typo matching and suggestions. */
struct word {
	char *w;
	uint32_t term;   /* its stem */
	uint32_t nchars; /* code points */
	uint32_t cp;     /* offset of its code points in search_index.cps */
	uint32_t freq;
	uint64_t mask;    /* letters present (hashed), a cheap lower bound on edits */
	uint32_t kcp, kn; /* its sound key (see sound_key) in search_index.cps */
	uint64_t kmask;
	bool stop; /* a stop word */
};

/* Open addressing over string keys; slots hold index + 1, tags the high half of the hash. */
struct table {
	uint32_t *slot, *tag;
	size_t cap, n;
};

struct speller; /* Hunspell over part of a dictionary (search_query.c) */
struct qmem;    /* per-section arrays a query scores into (search.c) */

struct search_index {
	const struct content *c;
	struct fold *fold;
	struct src *srcs;
	size_t nsrcs, srccap;
	uint32_t *doclen; /* words of body text (and answers) per section */
	uint8_t *titlen;  /* content words of each section's title (at most TITLE_WORDS),
			     OVERVIEW when the section has subsections or is a word list,
			     and TIMED when one of its questions asks how long or how soon
			     (timed_question) or it lists a sign with its urgency */
	uint32_t *up;     /* each section's parent section, or NO_SECTION */
	size_t nsecs, seccap;
	size_t ntimed; /* the sections that are TIMED */
	double avgdl;
	struct term *terms;
	size_t nterms, termcap;
	struct table termtab;
	struct word *words;
	size_t nwords, wordcap;
	struct table wordtab;
	struct raw *raws;
	size_t nraws, rawcap;
	struct table rawtab;
	struct buf rawbytes;
	uint32_t *cps; /* code points of all words */
	size_t ncps, cpcap;
	uint32_t *bylen[2]; /* word ids by length of spelling [0] and of sound key [1] */
	size_t lenstart[2][MAX_FUZZY_LEN + 2];
	uint32_t *secfirst; /* first src of each section */
	struct phrase *phrases;
	size_t nphrases, phrasecap;
	uint32_t *phraseslot; /* open addressing: phrase index + 1 */
	size_t phraseslotcap;
	/* A hash (words_hash, low half) of the words of each title, section
	 * also_called and term (not a word list's) of 2 to MAX_SAID_WORDS
	 * words, in src order, and where each section's names start; a list
	 * item's also_called names the item, not its section. */
	uint32_t *namehash, *namefirst;
	size_t nnames, namecap;
	struct speller *speller;
	struct qmem *qm;
	char *numbers; /* the emergency numbers an action to call one is found by */
};

/* A hash of n word ids: of a title or also_called phrase, or of a run of a query's words. */
uint64_t words_hash(const uint32_t *w, size_t n);

/* A term a query word matches, and its weight: 1 for the word itself, less for
 * a synonym (W_SYNONYM) or a correction (W_FUZZY1..3). syn: matched only as a
 * synonym of the word (or of its correction). */
struct alt {
	uint32_t term;
	double w;
	bool syn;
};

/* A word of the query. */
struct qword {
	char *word; /* folded, as typed */
	uint32_t cps[MAX_FUZZY_LEN];
	size_t nchars;
	size_t start, len; /* the bytes of the query it was typed as */
	bool stop, number;
	bool asking; /* asks for a kind of answer, and bears no meaning (is_asking) */
	bool meant;  /* read from a phrase that means it: bears meaning, even if filler alone */
	bool aside; /* what a reading is about ("prepare for my iv"): weighs as filler; never a sign */
	bool elsewhere; /* a part no shot goes into ("chest"): a sign there is not the shot's */
	char *fix;      /* the content word it was corrected to, or NULL */
	struct alt *alts;
	size_t nalts;
};

/* A corrected stop word left out of a plan's units ("whta" as "what"): where
 * it was typed and what it was read as, for corrected_query. */
struct slip {
	size_t start, len;
	char *fix;
};

/* One word, or a quoted phrase when nw > 1. */
struct unit {
	struct qword *w;
	size_t nw;
};

/* A query as search_query.c reads it, and the weights ranking gives its units. */
struct plan {
	struct unit u[MAX_UNITS];
	size_t n;
	bool filler;          /* every word is a stop word */
	double uw[MAX_UNITS]; /* each unit's weight in the ranking (IDF and the rest) */
	uint32_t telling;     /* the units in at most TITLE_ALL_DF of the sections, or all */
	uint32_t signs;       /* the units that matched a sign's name (score_sections) */
	uint32_t heads; /* the units that say what a sign is, or a slip of it (SIGN_HEAD_DF) */
	struct slip slips[MAX_UNITS]; /* stop words typed with a slip, left out of u */
	size_t nslips;
};

/* search_query.c */

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Whether w is one of the n words of list (unsorted). */
bool in_list(const char *w, const char *const *list, size_t n);

/* Whether the word lists and tables that are looked up by bsearch are sorted,
 * each word once. */
bool search_words_sorted(void);

/* search_index.c */

/* Whether a text asks how long or how soon ("How long do side effects last?"). */
bool timed_question(const char *text);

/* The term for a stem, or NO_TERM. */
uint32_t term_lookup(const struct search_index *ix, const char *s, size_t n);
/* The word id of a folded spelling, or NO_TERM. */
uint32_t word_lookup(const struct search_index *ix, const char *s, size_t n);
/* The term a spelling as written stems to, or NO_TERM. */
uint32_t span_term(const struct search_index *ix, const char *s, size_t len);
/* The string src indexed. */
const char *src_text(const struct search_index *ix, uint32_t src);
/* The sound key of n code points into out (room for n); returns its length. */
size_t sound_key(const uint32_t *in, size_t n, uint32_t *out);

static inline uint64_t letter_bit(uint32_t cp)
{
	/* ASCII letters get distinct bits; other code points share hashed ones. */
	return 1ull << (cp < 128 ? cp % 64 : (cp * 2654435761u) >> 26);
}

/* search_query.c */

/* Whether a folded word is a stop word, or a filler word. */
bool is_stop(const char *w);
bool is_filler(const char *w);
/* A single filler word ("after", "make"); a phrase never is. */
bool is_filler_unit(const struct unit *un);
/*
 * Split the query into units: "quoted phrases" and single words, and resolve
 * their words. Returns the number of units.
 */
size_t plan_build(const struct search_index *ix, const char *query, struct plan *pl);
/* Whether the query tells of a time since the treatment ("after", "now",
 * "since", not as its first word) and does not open as a question that asks
 * leave or what to do ("can i ...", "what should i ..."). */
bool told_since(const struct search_index *ix, const char *query);
void plan_free(struct plan *p);
/* The query with each corrected word replaced, or NULL when nothing was corrected. */
char *corrected_query(const char *query, const struct plan *pl);
/* "Did you mean", or NULL. */
char *suggest(const struct search_index *ix, const struct plan *pl);
/* The index's speller, which loads a dictionary only when a word needs it; NULL-safe free. */
struct speller *speller_new(void);
void speller_free(struct speller *sp);

/* search_snippet.c */

/* The query's matches in s, as a fresh array in *marks; returns the count. */
size_t plan_marks(const struct search_index *ix, const struct plan *pl, const char *s, size_t len,
		  struct search_mark **marks);
/* The text shown for a match in src (see search_snippet.c). */
void snippet_source(const struct search_index *ix, const struct plan *pl, uint32_t src,
		    struct buf *b);
/* Cut a snippet of about width columns out of t around its marks, into h. */
void make_snippet(const char *t, size_t len, const struct search_mark *m, size_t nm, size_t width,
		  struct search_hit *h);

/* search.c */

/* The index's per-section arrays, made at the first query; NULL-safe free. */
struct qmem *qmem_new(void);
void qmem_free(struct qmem *m);

#endif
