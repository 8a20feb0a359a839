/* search_query.c - a query as units, its words resolved against the index.
 *
 * Queries. A query becomes units (a word, or a quoted phrase). Stop words, and
 * the words of a phrase that asks how to be told ("in plain english", idioms),
 * are dropped when any other word is left. A word the content holds matches its
 * stem and its synonyms' (the one-word name and also_called entries of one list
 * item or glossary term; weight W_SYNONYM). A word the content lacks or only
 * mentions in passing also matches the word it is made from (a comparative its
 * adjective, "safer" "safe", by Hunspell's affix rules; "unsafe" "safe";
 * "risky" and "riskier" "risk"; weight W_ROOT). A word it does not hold is
 * looked up in Hunspell: a correct English word stays unmatched ("price" is
 * never read as "place"); a misspelt one is corrected to the content word of
 * least cost, its edits (spelling or sound key) less a little for frequent
 * words, within one edit for 4-7 letters and two for 8 or more (TYPO_MATCH of
 * typo_max_edits); only when none is that near are Hunspell's proposals that
 * the content holds taken (one edit more, for words of MIN_PROPOSE letters or
 * more). Hunspell holds just the dictionary lines that could spell the words
 * asked about (speller_for), so a check costs about a millisecond and little
 * memory. A corrected word weighs W_FUZZY1..3 by edits. Real-word slips
 * ("injection sight") are caught against the phrases: a word beside the
 * phrase's own neighbour that is near the phrase's word (edits or sound) is
 * read as it, unless the query's pair is itself a phrase. A short form the
 * content does not use ("inj", "rxn", "meds": abbrevs), or holds only inside
 * one section's names ("pre" of "pre-existing": fix_short_forms), is read as
 * the word it stands for, at full weight, and so is one with a slash ("h/o",
 * "n/v": slash_forms); a word for one kind of a thing the content names only by
 * its class, "warfarin" or "placenta", is read as the class ("medicines",
 * "source": kinds), below the word itself, and reported; a patient's
 * "appointment" or "procedure" is the treatment; a
 * letter on its own ("w/ fever") is a stop word; "work out" is "exercise"
 * (read_work_out). Every correction is reported ("Showing results for"). Some
 * words are read for what they ask, not reported: "prepare for" is "before" and
 * bears meaning (read_prepare_for; "do ... before" and "do ... after" too, read_do_when;
 * "pre-procedure" and "post-injection" too, and "prep", read_pre_post),
 * "made of" is "contains" (read_made_of), "good for" is "uses"
 * (read_good_for), "who should not" is "contraindications" (read_who_not),
 * "years later", "down the road" or "over time" is "long term"
 * (read_long_term) and "how much do they give" or "too much" is "dose"
 * (read_how_much); two content words run together, "stemcells", are read
 * as the two and reported (read_run_together);
 * "does it work" asks for "proof" (read_does_work) and "the same as" or "vs"
 * to "compare" (read_compare), which, like "why", rank but bear no meaning
 * (qword.asking).
 */
#include <hunspell.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "fold.h"
#include "search_int.h"
#include "text.h"
#include "util.h"

#define W_SYNONYM 0.6
#define W_ROOT    W_SYNONYM /* the word a query word is made from (add_root) */
#define W_FUZZY1  0.7
#define W_FUZZY2  0.55
#define W_FUZZY3  0.45
#define W_KIND    W_SYNONYM /* a word read as its class (kinds) */

enum {
	MIN_PROPOSE = 6, /* shorter words get no Hunspell proposals */
};

/*
 * Hunspell over the part of the dictionary that words so far needed: the
 * lines whose word starts with one of keys (three letters each, NUL-ended).
 */
struct speller {
	char *aff, *dic; /* NULL when there is none */
	bool tried;
	Hunhandle *h;
	char (*keys)[4];
	size_t nkeys;
};

/* Folded English words that carry no topic, greetings and thanks, chat words
 * ("pls", "idk", "u", "wat"), a nurse's "pt" for the patient, words that only
 * stress ("actually", "really"), and the contractions of such words as
 * folding leaves them ("won't" is "wont", never a word the content lacks):
 * dropped from queries with other words. */
static const char *const stop_words[] = {
	"a",        "about",   "above",      "absolutely", "actual",     "actually",
	"against",  "aint",    "all",        "almost",     "already",    "also",
	"although", "am",      "among",      "an",         "and",        "anti",
	"any",      "anybody", "anyone",     "anything",   "anyway",     "anyways",
	"anywhere", "are",     "arent",      "as",         "at",         "basically",
	"be",       "been",    "being",      "below",      "both",       "btw",
	"but",      "by",      "can",        "cannot",     "cant",       "certainly",
	"could",    "couldnt", "definitely", "did",        "didnt",      "do",
	"does",     "doesnt",  "doing",      "dont",       "each",       "either",
	"else",     "every",   "everybody",  "everyone",   "everything", "everywhere",
	"exactly",  "for",     "from",       "fyi",        "get",        "gonna",
	"got",      "gotta",   "had",        "hadnt",      "has",        "hasnt",
	"have",     "havent",  "he",         "hello",      "her",        "here",
	"hers",     "herself", "hes",        "hey",        "hi",         "him",
	"himself",  "his",     "hmm",        "honestly",   "how",        "hows",
	"i",        "idk",     "if",         "im",         "in",         "instead",
	"into",     "is",      "isnt",       "it",         "its",        "itself",
	"ive",      "just",    "kinda",      "lets",       "literally",  "lol",
	"may",      "maybe",   "me",         "might",      "mine",       "much",
	"must",     "mustnt",  "my",         "myself",     "neednt",     "neither",
	"no",       "nobody",  "nor",        "not",        "nothing",    "nowhere",
	"of",       "ok",      "okay",       "omg",        "on",         "or",
	"our",      "ours",    "ourselves",  "out",        "over",       "perhaps",
	"please",   "pls",     "plz",        "probably",   "pt",         "pts",
	"quite",    "rather",  "re",         "really",     "shall",      "she",
	"shes",     "should",  "shouldnt",   "since",      "so",         "some",
	"somebody", "someone", "something",  "somewhere",  "sorta",      "such",
	"supposed", "tell",    "than",       "thank",      "thanks",     "that",
	"thats",    "the",     "their",      "theirs",     "them",       "themselves",
	"then",     "there",   "theres",     "these",      "they",       "theyd",
	"theyll",   "theyre",  "theyve",     "this",       "tho",        "those",
	"though",   "thx",     "to",         "too",        "totally",    "truly",
	"ty",       "u",       "uh",         "um",         "unless",     "up",
	"upon",     "ur",      "us",         "very",       "via",        "wanna",
	"was",      "wasnt",   "wat",        "we",         "were",       "werent",
	"weve",     "what",    "whats",      "when",       "whens",      "where",
	"wheres",   "whether", "which",      "while",      "who",        "whom",
	"whos",     "whose",   "whys",       "will",       "with",       "within",
	"wont",     "would",   "wouldnt",    "wut",        "ya",         "yeah",
	"yep",      "yet",     "you",        "youd",       "youll",      "your",
	"youre",    "yours",   "yourself",   "yourselves", "youve",
};

/*
 * Folded words that rank but carry no topic of their own, among them words of
 * time ("hours", "later") and for the person it is for ("dad", "customer"):
 * a question made of them and words the content
 * lacks ("how many sessions will i need") is not answered by the sections
 * that share them, and one the content lacks is not named as missing.
 */
static const char *const filler_words[] = {
	"after",      "afterwards",    "another",     "asked",        "asking",      "asks",
	"aunt",       "back",          "before",      "bit",          "boyfriend",   "brother",
	"client",     "clients",       "cousin",      "customer",     "customers",   "dad",
	"daughter",   "day",           "days",        "derived",      "during",      "earlier",
	"enough",     "even",          "father",      "feel",         "feeling",     "feels",
	"felt",       "friend",        "girlfriend",  "go",           "goes",        "going",
	"gone",       "granddaughter", "grandfather", "grandma",      "grandmother", "grandpa",
	"grandson",   "happen",        "happened",    "happening",    "happens",     "hour",
	"hours",      "husband",       "husbands",    "instructions", "issue",       "issues",
	"keep",       "keeping",       "keeps",       "kept",         "knew",        "know",
	"known",      "knows",         "lately",      "later",        "less",        "like",
	"lot",        "made",          "make",        "makes",        "making",      "manage",
	"management", "managing",      "many",        "minute",       "minutes",     "mom",
	"moms",       "month",         "months",      "more",         "morning",     "mother",
	"mothers",    "mum",           "need",        "needed",       "needs",       "neighbor",
	"neighbour",  "next",          "night",       "now",          "other",       "own",
	"paid",       "parent",        "parents",     "partner",      "problem",     "problems",
	"ready",      "recently",      "sister",      "son",          "soon",        "sooner",
	"still",      "stuff",         "take",        "taken",        "takes",       "taking",
	"thing",      "things",        "time",        "times",        "today",       "tomorrow",
	"tonight",    "took",          "uncle",       "want",         "wanted",      "wants",
	"way",        "ways",          "week",        "weeks",        "went",        "wife",
	"wifes",      "year",          "years",       "yesterday",
};

/* Folded words that count ("two days"): read as numbers, which name no topic. */
static const char *const number_words[] = {
	"eight",   "eighteen", "eighty",   "eleven",   "fifteen",   "fifty",    "five",
	"forty",   "four",     "fourteen", "hundred",  "million",   "nine",     "nineteen",
	"ninety",  "once",     "one",      "seven",    "seventeen", "seventy",  "six",
	"sixteen", "sixty",    "ten",      "thirteen", "thirty",    "thousand", "three",
	"twelve",  "twenty",   "twice",    "two",      "zero",
};

/*
 * Folded short forms that nurses and patients type, and the word each stands
 * for ("inj site rxn"): read as that word when the content lacks the short
 * form, and reported as a correction. Only forms with one common meaning;
 * never "im" (it is "I'm") or "hr" (hours or heart rate).
 */
static const struct abbrev {
	const char *abbr, *word;
} abbrevs[] = {
	{ "abx", "antibiotics" },
	{ "appointment", "treatment" },
	{ "appointments", "treatments" },
	{ "appt", "appointment" },
	{ "appts", "appointments" },
	{ "doc", "doctor" },
	{ "docs", "doctors" },
	{ "dr", "doctor" },
	{ "hrs", "hours" },
	{ "hx", "history" },
	{ "inj", "injection" },
	{ "injs", "injections" },
	{ "med", "medicine" },
	{ "meds", "medicines" },
	{ "mins", "minutes" },
	{ "post", "after" },
	{ "pre", "before" },
	{ "procedure", "treatment" },
	{ "procedures", "treatments" },
	{ "rxn", "reaction" },
	{ "rxns", "reactions" },
	{ "sob", "breathless" },
	{ "sx", "symptoms" },
	{ "temp", "temperature" },
	{ "tx", "treatment" },
	{ "wk", "week" },
	{ "wks", "weeks" },
	{ "workout", "exercise" },
	{ "workouts", "exercise" },
	{ "yr", "year" },
	{ "yrs", "years" },
};

/*
 * Words for one kind of a thing the content names only by its class: a
 * medicine by name ("warfarin" is one of "the medicines you take now"), a
 * painkiller, a disease of a field the content names, a tissue exosomes can
 * be taken from, an advert's claims, a treatment of the skin ("facial"),
 * a nucleic acid ("dna").
 * Read as the class, below the word itself (W_KIND), and reported with it
 * ("warfarin (medicines)"); never when the content holds the word.
 * Sorted by word.
 */
static const struct abbrev kinds[] = {
	{ "acetaminophen", "painkillers" },
	{ "ad", "claims" },
	{ "adipose", "source" },
	{ "ads", "claims" },
	{ "advert", "claims" },
	{ "advertised", "claims" },
	{ "advertisement", "claims" },
	{ "advertisements", "claims" },
	{ "advertising", "claims" },
	{ "adverts", "claims" },
	{ "advil", "painkillers" },
	{ "aleve", "painkillers" },
	{ "antidepressant", "medicines" },
	{ "antidepressants", "medicines" },
	{ "apixaban", "medicines" },
	{ "atorvastatin", "medicines" },
	{ "clopidogrel", "medicines" },
	{ "cord", "source" },
	{ "coumadin", "medicines" },
	{ "crohns", "autoimmune" },
	{ "dementia", "neurology" },
	{ "dna", "nucleic" },
	{ "eliquis", "medicines" },
	{ "facial", "skin" },
	{ "facials", "skin" },
	{ "heparin", "medicines" },
	{ "humira", "medicines" },
	{ "immunocompromised", "condition" },
	{ "immunosuppressant", "medicines" },
	{ "immunosuppressants", "medicines" },
	{ "immunosuppressed", "condition" },
	{ "instagram", "claims" },
	{ "insulin", "medicines" },
	{ "interact", "medicines" },
	{ "interaction", "medicines" },
	{ "interactions", "medicines" },
	{ "lisinopril", "medicines" },
	{ "lupus", "autoimmune" },
	{ "marketing", "claims" },
	{ "marrow", "source" },
	{ "metformin", "medicines" },
	{ "methotrexate", "medicines" },
	{ "microneedling", "skin" },
	{ "motrin", "painkillers" },
	{ "naproxen", "painkillers" },
	{ "ozempic", "medicines" },
	{ "paracetamol", "painkillers" },
	{ "parkinson", "neurology" },
	{ "parkinsons", "neurology" },
	{ "placenta", "source" },
	{ "placental", "source" },
	{ "plavix", "medicines" },
	{ "prednisolone", "medicines" },
	{ "prednisone", "medicines" },
	{ "psoriasis", "autoimmune" },
	{ "rejuvenation", "aging" },
	{ "rheumatoid", "autoimmune" },
	{ "rivaroxaban", "medicines" },
	{ "semaglutide", "medicines" },
	{ "statin", "medicines" },
	{ "statins", "medicines" },
	{ "tylenol", "painkillers" },
	{ "umbilical", "source" },
	{ "warfarin", "medicines" },
	{ "xarelto", "medicines" },
	{ "younger", "aging" },
};

static int cmp_abbrev(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, ((const struct abbrev *)b)->abbr);
}

/* The word w is read as in a sorted table of n entries, or NULL. */
static const char *table_word(const struct abbrev *table, size_t n, const char *w)
{
	const struct abbrev *a = bsearch(&w, table, n, sizeof(table[0]), cmp_abbrev);
	return a ? a->word : NULL;
}

/* The word a short form stands for, or NULL. */
static const char *abbrev_word(const char *w)
{
	return table_word(abbrevs, ARRAY_LEN(abbrevs), w);
}

/* The class a word for one kind of it is read as (kinds), or NULL. */
static const char *kind_word(const char *w)
{
	return table_word(kinds, ARRAY_LEN(kinds), w);
}

/* Two entries of a sorted word list (stop_words, filler_words, number_words,
 * elsewhere_words), for bsearch. */
static int cmp_listed_words(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Whether w is one of the n words of a sorted list. */
static bool in_sorted(const char *w, const char *const *list, size_t n)
{
	return bsearch(&w, list, n, sizeof(list[0]), cmp_listed_words) != NULL;
}

bool is_stop(const char *w)
{
	return in_sorted(w, stop_words, ARRAY_LEN(stop_words));
}

static bool is_number_word(const char *w)
{
	return in_sorted(w, number_words, ARRAY_LEN(number_words));
}

bool is_filler(const char *w)
{
	return in_sorted(w, filler_words, ARRAY_LEN(filler_words));
}

/* Folded parts of the body no shot goes into, and what they pass: pain or
 * swelling there is no sign of the shot, and the content does not say what
 * it is ("chest pain after the shot" is not the pain where the needle went
 * in, nor "burning when i pee", nor swollen glands or lymph nodes). Not the
 * leg or the foot, which a shot into a knee or an ankle goes near. */
static const char *const elsewhere_words[] = {
	"abdomen", "belly",  "bladder",   "calf",      "calves", "chest", "gland",
	"glands",  "groin",  "kidney",    "kidneys",   "lymph",  "node",  "nodes",
	"pee",     "peeing", "urinating", "urination", "urine",
};

static bool is_elsewhere(const char *w)
{
	return in_sorted(w, elsewhere_words, ARRAY_LEN(elsewhere_words));
}

/*
 * A word that asks what kind of answer is wanted ("why": a cause): it ranks
 * as the word it is, so "why does it swell" finds the sections that say why,
 * but it bears no meaning of its own: it is never a word the content lacks,
 * nor needed beside the others for an answer. A word that asks for a
 * comparison is read as "compare" and asks so too (read_compare).
 */
static bool is_asking(const char *w)
{
	return strcmp(w, "why") == 0;
}

/* A single filler word ("after", "make"), or a word aside; a phrase never is. */
bool is_filler_unit(const struct unit *un)
{
	return un->nw == 1 && (un->w[0].aside || (is_filler(un->w[0].word) && !un->w[0].meant));
}

static void qword_free(struct qword *q)
{
	free(q->word);
	free(q->fix);
	free(q->alts);
}

void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t j = 0; j < p->u[i].nw; j++)
			qword_free(&p->u[i].w[j]);
		free(p->u[i].w);
	}
	for (size_t i = 0; i < p->nslips; i++)
		free(p->slips[i].fix);
	p->n = p->nslips = 0;
}

static void add_alt(struct qword *q, uint32_t term, double w, bool syn)
{
	for (size_t i = 0; i < q->nalts; i++) {
		if (q->alts[i].term == term) {
			if (q->alts[i].w < w)
				q->alts[i].w = w;
			q->alts[i].syn &= syn;
			return;
		}
	}
	q->alts = xgrow(q->alts, q->nalts, sizeof(*q->alts));
	q->alts[q->nalts++] = (struct alt){ .term = term, .w = w, .syn = syn };
}

static void add_term_alts(const struct search_index *ix, struct qword *q, uint32_t t, double w)
{
	add_alt(q, t, w, false);
	for (size_t i = 0; i < ix->terms[t].nsyn; i++)
		add_alt(q, ix->terms[t].syn[i], w * W_SYNONYM, true);
}

/*
 * Call fn for every vocabulary word within k edits of q. Only words of a
 * near length are looked at, and a letter-set bound skips most of those
 * before any distance is computed.
 */
static void fuzzy_each(const struct search_index *ix, const struct qword *q, unsigned k,
		       void (*fn)(const struct search_index *, void *, uint32_t, unsigned),
		       void *arg)
{
	uint32_t key[MAX_FUZZY_LEN];
	size_t kn = sound_key(q->cps, q->nchars, key);
	for (int pass = 0; pass < 2; pass++) {
		const uint32_t *qc = pass ? key : q->cps;
		size_t n = pass ? kn : q->nchars;
		/* "qqqqqqq" has the key "q": short keys would match every short word. */
		if (pass && n < 4)
			break;
		uint64_t qmask = 0;
		for (size_t i = 0; i < n; i++)
			qmask |= letter_bit(qc[i]);
		size_t lo = n > k ? n - k : 0;
		if (pass && lo < 4)
			lo = 4;
		size_t hi = n + k > MAX_FUZZY_LEN ? MAX_FUZZY_LEN : n + k;
		const size_t *start = ix->lenstart[pass];
		for (size_t i = start[lo]; i < start[hi + 1]; i++) {
			uint32_t id = ix->bylen[pass][i];
			const struct word *w = &ix->words[id];
			uint64_t wm = pass ? w->kmask : w->mask;
			if ((unsigned)__builtin_popcountll(qmask & ~wm) > k ||
			    (unsigned)__builtin_popcountll(wm & ~qmask) > k)
				continue;
			unsigned d =
				pass ? text_edit_distance(qc, n, ix->cps + w->kcp, w->kn, k)
				     : text_edit_distance(qc, n, ix->cps + w->cp, w->nchars, k);
			/* A sound-alike is never better than a one-letter slip. */
			if (d <= k)
				fn(ix, arg, id, pass && d == 0 ? 1 : d);
		}
	}
}

/* Typo tolerance (TYPO_MATCH in util.h); numbers and very long words get none. */
static unsigned fuzzy_k(const struct qword *q)
{
	if (q->number || q->nchars > MAX_FUZZY_LEN)
		return 0;
	return typo_max_edits(TYPO_MATCH, q->nchars);
}

struct speller *speller_new(void)
{
	return xcalloc(1, sizeof(struct speller));
}

void speller_free(struct speller *sp)
{
	if (sp) {
		free(sp->aff);
		free(sp->dic);
		free(sp->keys);
		if (sp->h)
			Hunspell_destroy(sp->h);
	}
	free(sp);
}

/* Find the first English dictionary; false when there is none. */
static bool speller_find(struct speller *sp)
{
	if (sp->tried)
		return sp->dic != NULL;
	sp->tried = true;
	static const char *const bases[] = {
		"/usr/share/hunspell/en_US",
		"/usr/share/hunspell/en_GB",
		"/usr/share/myspell/dicts/en_US",
	};
	const char *env = getenv("EXOREAD_DICT");
	for (size_t i = env && *env ? 0 : 1; i <= sizeof(bases) / sizeof(bases[0]); i++) {
		const char *base = i == 0 ? env : bases[i - 1];
		char *aff = xasprintf("%s.aff", base), *dic = xasprintf("%s.dic", base);
		FILE *fa = fopen(aff, "r"), *fd = fopen(dic, "r");
		bool ok = fa && fd;
		if (fa)
			fclose(fa);
		if (fd)
			fclose(fd);
		if (ok) {
			sp->aff = aff;
			sp->dic = dic;
			return true;
		}
		free(aff);
		free(dic);
	}
	return false;
}

/* The letter as lower case ASCII, where it is a capital. */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Whether a dictionary line is wanted: its word is shorter than three
 * letters (any word may be built on it), or starts with one of the keys.
 */
static bool dict_line_wanted(const char *line, size_t len, char (*keys)[4], size_t nkeys)
{
	size_t n = 0;
	while (n < len && n < 3 && line[n] != '/' && line[n] != '\t' && line[n] != ' ' &&
	       line[n] != '\n')
		n++;
	if (n < 3)
		return n > 0;
	for (size_t i = 0; i < nkeys; i++)
		if (ascii_lower(line[0]) == keys[i][0] && ascii_lower(line[1]) == keys[i][1] &&
		    ascii_lower(line[2]) == keys[i][2])
			return true;
	return false;
}

/* Hunspell over the dictionary lines that dict_line_wanted keeps; NULL on failure. */
static Hunhandle *speller_load(struct speller *sp)
{
	FILE *in = fopen(sp->dic, "r");
	if (in == NULL)
		return NULL;
	struct buf lines = { 0 };
	size_t nkept = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	for (bool first = true; (len = getline(&line, &cap, in)) > 0; first = false) {
		/* The first line is the word count. */
		if (first || !dict_line_wanted(line, (size_t)len, sp->keys, sp->nkeys))
			continue;
		buf_add(&lines, line, (size_t)len);
		if (line[len - 1] != '\n')
			buf_putc(&lines, '\n');
		nkept++;
	}
	free(line);
	fclose(in);
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/exoread-dic-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	Hunhandle *h = NULL;
	int fd = mkstemp(path);
	if (fd >= 0) {
		FILE *out = fdopen(fd, "w");
		if (out == NULL) {
			close(fd);
		} else {
			fprintf(out, "%zu\n", nkept);
			if (lines.len)
				fwrite(lines.s, 1, lines.len, out);
			if (fclose(out) == 0)
				h = Hunspell_create(sp->aff, path);
		}
		unlink(path);
	}
	free(path);
	buf_free(&lines);
	return h;
}

/*
 * Hunspell able to judge w, or NULL when there is no dictionary. It holds
 * only the dictionary lines that could spell the words asked about so far:
 * those whose first three letters stand at the start of the word or after
 * a prefix of two or three letters (the dictionaries' prefixes: re-, un-,
 * dis-, con-...); suffixes keep those letters. That is a percent or so of
 * the lines, so a word costs about a millisecond the first time its letters
 * come up and nothing after, where the whole dictionary would take tens of
 * milliseconds and megabytes. The index owns the result.
 */
static Hunhandle *speller_for(const struct search_index *ix, const char *w)
{
	struct speller *sp = ix->speller;
	if (sp == NULL || !speller_find(sp))
		return NULL;
	static const size_t offs[] = { 0, 2, 3 };
	size_t wn = strlen(w);
	bool grown = sp->h == NULL;
	for (size_t i = 0; i < 3; i++) {
		if (offs[i] + 3 > wn)
			continue;
		const char *k = w + offs[i];
		bool have = false;
		for (size_t j = 0; j < sp->nkeys && !have; j++)
			have = memcmp(sp->keys[j], k, 3) == 0;
		if (have)
			continue;
		sp->keys = xgrow(sp->keys, sp->nkeys, sizeof(*sp->keys));
		memcpy(sp->keys[sp->nkeys], k, 3);
		sp->keys[sp->nkeys++][3] = '\0';
		grown = true;
	}
	if (grown) {
		Hunhandle *h = speller_load(sp);
		if (h) {
			if (sp->h)
				Hunspell_destroy(sp->h);
			sp->h = h;
		}
	}
	return sp->h;
}

/* Whether Hunspell knows w (folded, so lower case) as an English word, or as a name. */
static bool is_english(Hunhandle *h, const char *w)
{
	if (Hunspell_spell(h, w))
		return true;
	char cap[MAX_FUZZY_LEN * 4 + 1];
	size_t n = strlen(w);
	if (n == 0 || n >= sizeof(cap) || w[0] < 'a' || w[0] > 'z')
		return false;
	memcpy(cap, w, n + 1);
	cap[0] = (char)(cap[0] - 'a' + 'A');
	return Hunspell_spell(h, cap) != 0;
}

/* The best correction of a misspelt word found so far. */
struct fix {
	uint32_t term;
	unsigned d;
	double cost;
	char word[MAX_FUZZY_LEN * 4 + 1];
};

/*
 * A candidate costs its edits, less a little for a word the content uses
 * often and for one Hunspell itself proposes.
 */
static void fix_consider(struct fix *f, uint32_t term, const char *w, unsigned d, uint32_t freq,
			 bool proposed)
{
	double lf = log10(1.0 + freq) * 0.25;
	double cost = d - (lf < 0.5 ? lf : 0.5) - (proposed ? 0.5 : 0);
	if (f->term != NO_TERM && cost >= f->cost)
		return;
	size_t n = strlen(w);
	if (n >= sizeof(f->word))
		return;
	f->term = term;
	f->d = d;
	f->cost = cost;
	memcpy(f->word, w, n + 1);
}

static void fix_fuzzy(const struct search_index *ix, void *arg, uint32_t wid, unsigned d)
{
	const struct word *w = &ix->words[wid];
	if (!w->stop)
		fix_consider(arg, w->term, w->w, d, w->freq, false);
}

/* A Hunspell proposal, folded, as a single word that is no stop word: its
 * bytes in word (NUL-terminated) and code points in cps. 0 when it is none. */
static size_t proposal_word(const struct search_index *ix, const char *s,
			    char word[MAX_FUZZY_LEN * 4 + 1], uint32_t cps[MAX_FUZZY_LEN],
			    size_t *nc)
{
	size_t len = strlen(s);
	if (len == 0 || len > MAX_FUZZY_LEN || strchr(s, ' ') || strchr(s, '-'))
		return 0;
	size_t wlen, nchars;
	const char *fw = fold_span(ix->fold, s, len, &wlen, &nchars);
	if (wlen == 0 || nchars > MAX_FUZZY_LEN || wlen > MAX_FUZZY_LEN * 4)
		return 0;
	memcpy(word, fw, wlen);
	word[wlen] = '\0';
	if (is_stop(word))
		return 0;
	*nc = 0;
	for (size_t j = 0; j < wlen && *nc < MAX_FUZZY_LEN;)
		j += text_decode(word + j, wlen - j, &cps[(*nc)++]);
	return wlen;
}

/* Hunspell's proposals for q that the content uses, as candidates. */
static void fix_proposals(const struct search_index *ix, Hunhandle *h, const struct qword *q,
			  unsigned k, struct fix *f)
{
	char **list = NULL;
	int n = Hunspell_suggest(h, &list, q->word);
	for (int i = 0; i < n; i++) {
		char word[MAX_FUZZY_LEN * 4 + 1];
		uint32_t cps[MAX_FUZZY_LEN];
		size_t nc, sl, wlen = proposal_word(ix, list[i], word, cps, &nc);
		if (wlen == 0)
			continue;
		unsigned d = text_edit_distance(q->cps, q->nchars, cps, nc, k + 1);
		if (d > k + 1)
			continue;
		const char *stem = fold_stem(ix->fold, word, wlen, &sl);
		uint32_t t = term_lookup(ix, stem, sl);
		if (t == NO_TERM)
			continue;
		uint32_t v = word_lookup(ix, word, wlen);
		fix_consider(f, t, word, d, v != NO_TERM ? ix->words[v].freq : 1, true);
	}
	if (list)
		Hunspell_free_list(h, &list, n);
}

/* Whether w ends with the ASCII suffix sfx. */
static bool ends_with(const char *w, const char *sfx)
{
	size_t n = strlen(w), k = strlen(sfx);
	return n >= k && memcmp(w + n - k, sfx, k) == 0;
}

/* The term of rest (folded), when the content uses it and it is a word
 * that bears meaning; NO_TERM otherwise. */
static uint32_t root_term(const struct search_index *ix, const char *rest)
{
	char word[MAX_FUZZY_LEN * 4 + 1];
	uint32_t cps[MAX_FUZZY_LEN];
	size_t nc, sl, wlen = proposal_word(ix, rest, word, cps, &nc);
	if (wlen == 0 || is_filler(word))
		return NO_TERM;
	const char *stem = fold_stem(ix->fold, word, wlen, &sl);
	return term_lookup(ix, stem, sl);
}

/* The term of the noun or verb an adjective in -y is made from ("risky",
 * "itchy", "shaky": "risk", "itch", "shake"), when it is an English word the
 * content names; NO_TERM otherwise. */
static uint32_t y_base_term(const struct search_index *ix, Hunhandle *h, const char *w)
{
	size_t n = strlen(w);
	if (n < 5 || n > MAX_FUZZY_LEN || w[n - 1] != 'y')
		return NO_TERM;
	char base[MAX_FUZZY_LEN + 2];
	memcpy(base, w, n - 1);
	base[n - 1] = '\0';
	if (!is_english(h, base)) {
		base[n - 1] = 'e';
		base[n] = '\0';
		if (!is_english(h, base))
			return NO_TERM;
	}
	uint32_t t = root_term(ix, base);
	return t != NO_TERM && ix->terms[t].named ? t : NO_TERM;
}

/*
 * A word the content lacks, or only mentions in passing, also matches the
 * word it is made from, where the content uses that (W_ROOT):
 * - a comparative or superlative, its adjective ("safer", "oldest": "safe",
 *   "old"), by Hunspell's affix rules; a word that is an entry of its own
 *   ("number", "liver") is left as it is, even where a rule could also make
 *   it ("numb");
 * - a word made with the prefix un-, the English word it negates ("unsafe",
 *   "untested": "safe", "tested"): the section that says what is safe
 *   answers what is unsafe;
 * - an adjective in -y, the English noun or verb it is made from, when the
 *   content names that ("risky", "riskier", "lumpy": "risk", "lump"). "ready"
 *   would be "read": it is a filler word.
 */
static void add_root(const struct search_index *ix, struct qword *q)
{
	bool comparative = ends_with(q->word, "er") || ends_with(q->word, "est");
	bool negated = strncmp(q->word, "un", 2) == 0 && q->nchars >= 6;
	bool adjective = ends_with(q->word, "y") && q->nchars >= 5;
	if ((!comparative && !negated && !adjective) || is_filler(q->word))
		return;
	Hunhandle *h = speller_for(ix, q->word);
	if (h == NULL)
		return;
	if (negated && is_english(h, q->word + 2)) {
		uint32_t t = root_term(ix, q->word + 2);
		if (t != NO_TERM)
			add_term_alts(ix, q, t, W_ROOT);
	}
	if (adjective && is_english(h, q->word)) {
		uint32_t t = y_base_term(ix, h, q->word);
		if (t != NO_TERM)
			add_term_alts(ix, q, t, W_ROOT);
	}
	if (!comparative || q->nchars < 5)
		return;
	char **list = NULL;
	int n = Hunspell_stem(h, &list, q->word);
	bool own = false;
	for (int i = 0; i < n && !own; i++)
		own = strcmp(list[i], q->word) == 0;
	for (int i = 0; i < n && !own; i++) {
		if (strlen(list[i]) >= strlen(q->word))
			continue;
		uint32_t t = root_term(ix, list[i]);
		if (t != NO_TERM)
			add_term_alts(ix, q, t, W_ROOT);
		/* An adjective the content only mentions in passing ("risky")
		 * leads on to the word it is made from ("risk"). */
		if (t == NO_TERM || !ix->terms[t].named) {
			t = y_base_term(ix, h, list[i]);
			if (t != NO_TERM)
				add_term_alts(ix, q, t, W_ROOT);
		}
	}
	if (list)
		Hunspell_free_list(h, &list, n);
}

/* The stop word of four letters or more that q, no word the content holds,
 * is one slip from ("whta" is "what", "wehn" "when"), or NULL. */
static const char *stop_slip(const struct qword *q)
{
	if (q->nchars < 4)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(stop_words); i++) {
		const char *w = stop_words[i];
		size_t n = strlen(w);
		uint32_t cps[MAX_FUZZY_LEN];
		if (n < 4 || n > MAX_FUZZY_LEN || n + 1 < q->nchars || q->nchars + 1 < n)
			continue;
		for (size_t j = 0; j < n; j++)
			cps[j] = (unsigned char)w[j];
		if (text_edit_distance(q->cps, q->nchars, cps, n, 1) <= 1)
			return w;
	}
	return NULL;
}

/* Make q the folded word of n bytes at w, as if it had been typed (its place
 * in the query stays). */
static void set_word(struct qword *q, const char *w, size_t n)
{
	free(q->word);
	q->word = xstrndup(w, n);
	q->nchars = 0;
	for (size_t i = 0; i < n && q->nchars < MAX_FUZZY_LEN; q->nchars++)
		i += text_decode(w + i, n - i, &q->cps[q->nchars]);
	q->stop = is_stop(q->word);
	q->number |= is_number_word(q->word);
	q->asking = is_asking(q->word);
}

static double fix_weight(unsigned d)
{
	return d <= 1 ? W_FUZZY1 : d == 2 ? W_FUZZY2 : W_FUZZY3;
}

/*
 * A word the content holds matches itself and its synonyms. One it does not
 * hold is looked up in Hunspell: a correct English word is left unmatched
 * (nothing is bent into a different word); a misspelt one is corrected to
 * the content word that costs least (fix_consider), and matches below an
 * exact word. Without a dictionary, every unknown word counts as misspelt.
 */
static void resolve_word(const struct search_index *ix, struct qword *q)
{
	size_t sl;
	const char *stem = fold_stem(ix->fold, q->word, strlen(q->word), &sl);
	uint32_t t = term_lookup(ix, stem, sl);
	const char *full = t == NO_TERM ? abbrev_word(q->word) : NULL;
	if (full) {
		set_word(q, full, strlen(full));
		resolve_word(ix, q);
		if (q->nalts > 0 && q->fix == NULL)
			q->fix = xstrdup(full);
		return;
	}
	const char *kind = t == NO_TERM ? kind_word(q->word) : NULL;
	if (kind) {
		/* The word stays as typed, for the readings ("after the facial"),
		 * and is reported with its class: "warfarin (medicines)". */
		size_t kl;
		const char *ks = fold_stem(ix->fold, kind, strlen(kind), &kl);
		uint32_t kt = term_lookup(ix, ks, kl);
		if (kt != NO_TERM) {
			add_term_alts(ix, q, kt, W_KIND);
			q->fix = xasprintf("%s (%s)", q->word, kind);
			return;
		}
	}
	if (t != NO_TERM) {
		add_term_alts(ix, q, t, 1.0);
		if (!ix->terms[t].named && !q->stop && !q->number)
			add_root(ix, q);
		return;
	}
	unsigned k = fuzzy_k(q);
	if (k == 0 || q->stop)
		return;
	add_root(ix, q);
	if (q->nalts > 0)
		return;
	struct fix f = { .term = NO_TERM };
	fuzzy_each(ix, q, k, fix_fuzzy, &f);
	const char *stop = f.term == NO_TERM ? stop_slip(q) : NULL;
	/* Nothing near, no slip of a stop word and too short for proposals:
	 * nothing to bend it into, and no need for the dictionary. */
	if (f.term == NO_TERM && q->nchars < MIN_PROPOSE && stop == NULL)
		return;
	Hunhandle *h = speller_for(ix, q->word);
	if (h && is_english(h, q->word))
		return;
	if (stop) {
		/* A slip of a stop word ("whta are exosomes") is that word. */
		set_word(q, stop, strlen(stop));
		q->fix = xstrdup(stop);
		resolve_word(ix, q);
		return;
	}
	/* Hunspell's proposals cost milliseconds: asked for only when no content
	 * word is within reach, and only for words long enough to be mangled. */
	if (h && f.term == NO_TERM && q->nchars >= MIN_PROPOSE)
		fix_proposals(ix, h, q, k, &f);
	if (f.term == NO_TERM)
		return;
	add_term_alts(ix, q, f.term, fix_weight(f.d));
	free(q->fix);
	q->fix = xstrdup(f.word);
}

/* Whether content word w is a near spelling of q: a slip or two (TYPO_SLIP), or the same sound. */
static bool near_word(const struct search_index *ix, const struct qword *q, const struct word *w)
{
	if (w->stop || w->nchars > MAX_FUZZY_LEN)
		return false;
	unsigned k = typo_max_edits(TYPO_SLIP, q->nchars);
	size_t diff = q->nchars > w->nchars ? q->nchars - w->nchars : w->nchars - q->nchars;
	if (diff <= k && text_edit_distance(q->cps, q->nchars, ix->cps + w->cp, w->nchars, k) <= k)
		return true;
	uint32_t key[MAX_FUZZY_LEN];
	size_t kn = sound_key(q->cps, q->nchars, key);
	return kn == w->kn && kn >= 3 && memcmp(key, ix->cps + w->kcp, kn * sizeof(*key)) == 0;
}

/* Whether unit u is the single word wid of the content, exactly. */
static bool exact_unit(const struct unit *u, const struct search_index *ix, uint32_t wid)
{
	return u->nw == 1 && u->w[0].nalts > 0 && u->w[0].alts[0].w >= 1.0 &&
	       u->w[0].alts[0].term == ix->words[wid].term && !ix->words[wid].stop;
}

/* Whether the words a, b (as matched) stand side by side in a title or also_called phrase. */
static bool pair_known(const struct search_index *ix, const struct qword *x, const struct qword *y)
{
	if (x->nalts == 0 || y->nalts == 0)
		return false;
	for (size_t p = 0; p < ix->nphrases; p++) {
		const struct phrase *ph = &ix->phrases[p];
		for (size_t j = 0; j + 1 < ph->n; j++)
			if (ix->words[ph->w[j]].term == x->alts[0].term &&
			    ix->words[ph->w[j + 1]].term == y->alts[0].term)
				return true;
	}
	return false;
}

/*
 * Real-word slips ("injection sight", "stem sells"): a word the content does
 * not hold, next to words that with a near spelling of it make one of the
 * content's titles or also_called phrases, is read as that phrase's word.
 */
static void fix_phrases(const struct search_index *ix, struct unit *all, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct qword *q = &all[i].w[0];
		if (all[i].nw != 1 || q->fix || q->stop || q->number || q->nchars < 3 ||
		    q->nchars > MAX_FUZZY_LEN)
			continue;
		/* A word the content holds is re-read only when the query's pair
		 * is no phrase of the content. */
		if (q->nalts > 0 &&
		    (q->alts[0].w < 1.0 ||
		     (i > 0 && all[i - 1].nw == 1 && pair_known(ix, all[i - 1].w, q)) ||
		     (i + 1 < n && all[i + 1].nw == 1 && pair_known(ix, q, all[i + 1].w))))
			continue;
		for (size_t p = 0; p < ix->nphrases && q->fix == NULL; p++) {
			const struct phrase *ph = &ix->phrases[p];
			for (size_t j = 0; j < ph->n; j++) {
				/* A neighbour on either side must be the phrase's own word. */
				bool left =
					j > 0 && i > 0 && exact_unit(&all[i - 1], ix, ph->w[j - 1]);
				bool right = j + 1 < ph->n && i + 1 < n &&
					     exact_unit(&all[i + 1], ix, ph->w[j + 1]);
				const struct word *w = &ix->words[ph->w[j]];
				if ((left || right) && near_word(ix, q, w) &&
				    (q->nalts == 0 || q->alts[0].term != w->term)) {
					q->nalts = 0;
					add_term_alts(ix, q, w->term, W_FUZZY1);
					q->fix = xstrdup(w->w);
					break;
				}
			}
		}
	}
}

/*
 * A short form that the content holds only in one section's names ("pre" of
 * "pre-existing conditions") is read as the word it stands for, as if the
 * content lacked it ("pt on warfarin pre procedure" is before the treatment),
 * unless the query says the name ("pre existing illness").
 */
static void fix_short_forms(const struct search_index *ix, struct unit *all, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct qword *q = &all[i].w[0];
		const char *full = abbrev_word(q->word);
		if (all[i].nw != 1 || full == NULL || q->fix || q->nalts == 0 ||
		    (i > 0 && all[i - 1].nw == 1 && pair_known(ix, all[i - 1].w, q)) ||
		    (i + 1 < n && all[i + 1].nw == 1 && pair_known(ix, q, all[i + 1].w)))
			continue;
		uint32_t t = q->alts[0].term;
		if (ix->terms[t].df > 1 || !ix->terms[t].named)
			continue;
		q->nalts = 0;
		set_word(q, full, strlen(full));
		resolve_word(ix, q);
		if (q->nalts > 0 && q->fix == NULL)
			q->fix = xstrdup(full);
	}
}

struct parse_ctx {
	const struct search_index *ix;
	struct qword *w;
	size_t n;
	size_t base;       /* offset of the folded piece in the query */
	const char *query; /* the whole query */
};

static int add_query_word(void *arg, const struct fold_word *fw)
{
	struct parse_ctx *p = arg;
	if (p->n >= MAX_PHRASE * MAX_UNITS)
		return 1;
	p->w = xgrow(p->w, p->n, sizeof(*p->w));
	struct qword *q = &p->w[p->n++];
	*q = (struct qword){ .number = fw->number != 0,
			     .start = p->base + fw->start,
			     .len = fw->len };
	set_word(q, fw->word, fw->wlen);
	q->elsewhere = is_elsewhere(q->word);
	if (fw->nchars > MAX_FUZZY_LEN)
		q->nchars = fw->nchars; /* too long for typo matching */
	return 0;
}

static bool same_word_unit(const struct unit *a, const struct qword *w)
{
	return a->nw == 1 && strcmp(a->w[0].word, w->word) == 0;
}

/* Folded phrases that ask how to be told ("what are exosomes in simple
 * terms") or for how long, not what about: their words are stop words there
 * ("how long" is no long-term risk). */
static const char *const idioms[][4] = {
	{ "in", "simple", "terms" },
	{ "in", "simple", "words" },
	{ "in", "simple", "english" },
	{ "in", "plain", "english" },
	{ "in", "plain", "words" },
	{ "in", "plain", "language" },
	{ "in", "laymans", "terms" },
	{ "in", "layman", "terms" },
	{ "in", "lay", "terms" },
	{ "simply", "put" },
	{ "in", "a", "nutshell" },
	{ "for", "dummies" },
	{ "how", "long" },
	{ "explained", "simply" },
	{ "explained", "simple" },
	{ "simply", "explained" },
	{ "made", "simple" },
	{ "for", "beginners" },
};

static void mark_idioms(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++)
		for (size_t k = 0; k < sizeof(idioms) / sizeof(idioms[0]); k++) {
			size_t m = 0;
			while (m < 4 && idioms[k][m] && i + m < p->n &&
			       strcmp(p->w[i + m].word, idioms[k][m]) == 0)
				m++;
			if (m < 4 && idioms[k][m])
				continue;
			for (size_t j = 0; j < m; j++)
				p->w[i + j].stop = true;
		}
}

/*
 * A nurse's short forms of two letters and a slash ("c/o", "n/v"): the word
 * each is read as, or NULL for one that only links words ("c/o" is
 * "complains of", "w/o" "without"); and how it is shown, when not as that
 * word.
 */
static const struct slash_form {
	const char *form, *word, *shown;
} slash_forms[] = {
	{ "b/c", NULL, NULL },      { "c/o", NULL, NULL },     { "f/u", "follow", "follow-up" },
	{ "h/o", "history", NULL }, { "n/v", "nausea", NULL }, { "r/o", NULL, NULL },
	{ "s/p", "after", NULL },   { "w/o", NULL, NULL },
};

/* Make word i of p span word i + 1 too, which is dropped. */
static void join_next(struct parse_ctx *p, size_t i)
{
	p->w[i].len = p->w[i + 1].start + p->w[i + 1].len - p->w[i].start;
	qword_free(&p->w[i + 1]);
	memmove(&p->w[i + 1], &p->w[i + 2], (p->n - i - 2) * sizeof(*p->w));
	p->n--;
}

static bool one_letter(const struct qword *q)
{
	return q->word[0] >= 'a' && q->word[0] <= 'z' && q->word[1] == '\0';
}

/*
 * Read the short forms with a slash (slash_forms) as their words; a letter
 * on its own ("w/ fever", "s/p") bears no meaning and is a stop word.
 */
static void read_slashes(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct qword *q = &p->w[i];
		if (!one_letter(q) || q->number)
			continue;
		q->stop = true;
		if (i + 1 == p->n || !one_letter(&p->w[i + 1]) ||
		    p->w[i + 1].start != q->start + 2 || p->query[q->start + 1] != '/')
			continue;
		char form[4] = { q->word[0], '/', p->w[i + 1].word[0], '\0' };
		const struct slash_form *f = NULL;
		for (size_t k = 0; k < sizeof(slash_forms) / sizeof(slash_forms[0]); k++)
			if (strcmp(slash_forms[k].form, form) == 0)
				f = &slash_forms[k];
		if (f == NULL)
			continue;
		if (f->word) {
			set_word(q, f->word, strlen(f->word));
			q->fix = xstrdup(f->shown ? f->shown : f->word);
		}
		join_next(p, i);
	}
}

/* Folded verbs that with "out" after them mean "exercise" ("can i work out
 * after the shot"), never how the therapy works. */
static const char *const work_words[] = { "work", "worked", "working", "works" };

static bool list_sorted(const char *const *list, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(list[i - 1], list[i]) >= 0)
			return false;
	return true;
}

static bool table_sorted(const struct abbrev *table, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (strcmp(table[i - 1].abbr, table[i].abbr) >= 0)
			return false;
	return true;
}

bool search_words_sorted(void)
{
	return list_sorted(stop_words, ARRAY_LEN(stop_words)) &&
	       list_sorted(number_words, ARRAY_LEN(number_words)) &&
	       list_sorted(filler_words, ARRAY_LEN(filler_words)) &&
	       list_sorted(elsewhere_words, ARRAY_LEN(elsewhere_words)) &&
	       table_sorted(abbrevs, ARRAY_LEN(abbrevs)) && table_sorted(kinds, ARRAY_LEN(kinds));
}

bool in_list(const char *w, const char *const *list, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(w, list[k]) == 0)
			return true;
	return false;
}

/* Folded words that ask how two things compare ("are exosomes the same as
 * stem cells", "exosomes vs prp"; "the difference between" and "different
 * from" or "different than" too, read_compare); "than" alone is not one
 * ("is an injection safer than an iv" asks about the route). */
static const char *const compare_words[] = {
	"alike", "compared", "same", "similar", "versus", "vs"
};

/* Read a word that asks for a comparison as "compare", which asks for the
 * section that compares but bears no meaning of its own. */
static void read_compare(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct qword *q = &p->w[i];
		bool cmp = in_list(q->word, compare_words, ARRAY_LEN(compare_words));
		/* "the same as", "the same thing as"; not "the same day". */
		if (cmp && strcmp(q->word, "same") == 0)
			cmp = (i + 1 < p->n && strcmp(p->w[i + 1].word, "as") == 0) ||
			      (i + 2 < p->n && strcmp(p->w[i + 2].word, "as") == 0);
		/* "the difference between", "different from". */
		if (!cmp &&
		    (strcmp(q->word, "difference") == 0 || strcmp(q->word, "differences") == 0)) {
			cmp = i + 1 < p->n && strcmp(p->w[i + 1].word, "between") == 0;
			if (cmp)
				p->w[i + 1].stop = true; /* part of the asking */
		}
		if (!cmp && strcmp(q->word, "different") == 0)
			cmp = i + 1 < p->n && (strcmp(p->w[i + 1].word, "from") == 0 ||
					       strcmp(p->w[i + 1].word, "than") == 0);
		if (!cmp)
			continue;
		set_word(q, "compare", strlen("compare"));
		q->asking = true;
	}
}

/*
 * Read "does it work" as asking whether it is proven to ("proof"), unless the
 * query asks how it works ("how well" asks whether). Like "why", the word asks
 * for a kind of answer and bears no meaning of its own.
 */
static void read_does_work(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->w[i].word, "how") == 0 &&
		    !(i + 1 < p->n && strcmp(p->w[i + 1].word, "well") == 0))
			return;
	for (size_t i = 0; i < p->n; i++) {
		struct qword *q = &p->w[i];
		if (!in_list(q->word, work_words, ARRAY_LEN(work_words)))
			continue;
		set_word(q, "proof", strlen("proof"));
		q->asking = true;
	}
}

/* Folded words for the treatment itself, which "pre", "post", "before" or
 * "after" may lead. */
static const char *const treatment_words[] = {
	"appointment", "drip",       "exosome",   "exosomes",   "facial",    "infusion", "inj",
	"injection",   "injections", "iv",        "op",         "procedure", "session",  "shot",
	"shots",       "therapy",    "treatment", "treatments", "tx",
};

/* Folded forms of "get": "ready for" after them means "prepare for", and they
 * say the treatment is had ("after getting the injection"). */
static const char *const get_words[] = { "get", "getting", "gets", "got" };

/* The words for the treatment from the from-th on are aside (qword.aside):
 * what is done before or after it is asked, not about it. Other words still
 * say what is asked ("post-op chest pain"), and can lack. */
static void mark_treatment_aside(struct parse_ctx *p, size_t from)
{
	for (size_t j = from; j < p->n; j++)
		if (in_list(p->w[j].word, treatment_words, ARRAY_LEN(treatment_words)) ||
		    in_list(p->w[j].word, get_words, ARRAY_LEN(get_words)))
			p->w[j].aside = true;
}

/* The words from the from-th on are what a reading is about (qword.aside). */
static void mark_aside(struct parse_ctx *p, size_t from)
{
	for (size_t j = from; j < p->n; j++)
		p->w[j].aside = true;
}

/* Folded words that, with "for" after them, mean getting ready for something. */
static const char *const prepare_words[] = { "prep", "prepare", "preparing", "ready" };

/*
 * Read "prepare for", "get ready for" and their forms as "before", which then
 * bears meaning ("how do i prepare for exosome treatment" asks what to do
 * before it, not how the product is prepared), and the words after "for" as
 * aside, weighing as filler words ("how do i prepare for my exosome iv" asks
 * what to do before, not how an IV is given).
 */
static void read_prepare_for(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		struct qword *q = &p->w[i];
		size_t k = i + 1;
		if (in_list(q->word, get_words, ARRAY_LEN(get_words)) &&
		    strcmp(p->w[k].word, "ready") == 0 && k + 1 < p->n)
			k++;
		else if (!in_list(q->word, prepare_words, ARRAY_LEN(prepare_words)))
			continue;
		if (strcmp(p->w[k].word, "for") != 0)
			continue;
		set_word(q, "before", strlen("before"));
		q->meant = true;
		/* What it prepares for ("my exosome iv") is only its object. */
		mark_aside(p, k + 1);
	}
}

/*
 * Read "pre" or "post" right before a word for the treatment ("pre-procedure
 * prep", "post-procedure instructions for the iv") as "before" or "after" that
 * bears meaning, and the words for the treatment after it as aside
 * (mark_treatment_aside): it asks what to do before or after, not about the
 * injection or the IV. A lone "prep" is "before" too.
 */
static void read_pre_post(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct qword *q = &p->w[i];
		bool pre = strcmp(q->word, "pre") == 0, post = strcmp(q->word, "post") == 0;
		/* A "prep" left here has no "for" after it (read_prepare_for). */
		bool prep = strcmp(q->word, "prep") == 0;
		bool led = (pre || post) && i + 1 < p->n &&
			   in_list(p->w[i + 1].word, treatment_words, ARRAY_LEN(treatment_words));
		if (!led && !prep)
			continue;
		if (led)
			mark_treatment_aside(p, i + 1);
		const char *when = post ? "after" : "before";
		set_word(q, when, strlen(when));
		q->meant = true;
	}
}

/* Folded words for what is given, beside treatment_words: what "derived"
 * may lead to without naming another topic. */
static const char *const product_words[] = { "ev",       "evs",     "product",
					     "products", "vesicle", "vesicles" };

/*
 * Read the words right before "derived" ("msc-derived exosomes
 * contraindications") as aside when a word after it names something other
 * than what is given: where the product comes from only says which product,
 * and the question is about the rest. "umbilical cord derived exosomes" asks
 * about the source, and keeps it.
 */
static void read_derived(struct parse_ctx *p)
{
	for (size_t i = 1; i + 1 < p->n; i++) {
		if (strcmp(p->w[i].word, "derived") != 0)
			continue;
		bool other = false;
		for (size_t j = i + 1; j < p->n && !other; j++)
			other = !p->w[j].stop && !is_filler(p->w[j].word) &&
				!in_list(p->w[j].word, treatment_words,
					 ARRAY_LEN(treatment_words)) &&
				!in_list(p->w[j].word, product_words, ARRAY_LEN(product_words));
		for (size_t j = i; other && j-- > 0 && !p->w[j].stop;)
			p->w[j].aside = true;
	}
}

/*
 * Read "in" after "what's", "what is" or "what are" (and "actually",
 * "really" or "exactly" between), before the product, the treatment or what
 * holds them, as "contains", which bears meaning: "whats in the vial" asks
 * what it holds.
 */
static void read_whats_in(struct parse_ctx *p)
{
	static const char *const verbs[] = { "are", "is", "s" };
	static const char *const adverbs[] = { "actually", "exactly", "really" };
	static const char *const containers[] = { "bottle", "syringe", "syringes", "vial",
						  "vials" };
	for (size_t i = 0; i + 1 < p->n; i++) {
		size_t k = i + 1;
		/* Folding leaves "what's" as "what", typed longer. */
		bool what = strcmp(p->w[i].word, "what") == 0;
		if (what && in_list(p->w[k].word, verbs, ARRAY_LEN(verbs)))
			k++;
		else if (!(what && p->w[i].len > 4) && strcmp(p->w[i].word, "whats") != 0)
			continue;
		while (k < p->n && in_list(p->w[k].word, adverbs, ARRAY_LEN(adverbs)))
			k++;
		if (k + 1 >= p->n || strcmp(p->w[k].word, "in") != 0)
			continue;
		/* What is in the product ("the vial", "my shot"), not in the
		 * aftercare instructions. */
		size_t j = k + 1;
		while (j < p->n && p->w[j].stop)
			j++;
		if (j < p->n &&
		    !in_list(p->w[j].word, treatment_words, ARRAY_LEN(treatment_words)) &&
		    !in_list(p->w[j].word, product_words, ARRAY_LEN(product_words)) &&
		    !in_list(p->w[j].word, containers, ARRAY_LEN(containers)))
			continue;
		set_word(&p->w[k], "contains", strlen("contains"));
		p->w[k].meant = true;
	}
}

/*
 * Read "rough" after "feel", "feeling" or "felt" as "unwell": "feeling rough
 * after the drip" is slang for feeling ill, where "my skin feels rough" is
 * not.
 */
static void read_feel_rough(struct parse_ctx *p)
{
	static const char *const feel[] = { "feel", "feeling", "felt" };
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (!in_list(p->w[i].word, feel, ARRAY_LEN(feel)) ||
		    strcmp(p->w[i + 1].word, "rough") != 0)
			continue;
		set_word(&p->w[i + 1], "unwell", strlen("unwell"));
		p->w[i + 1].meant = true;
	}
}

/*
 * Read "good for" as "uses", which bears meaning: "what is exosome therapy
 * good for" asks what it is used for, not what makes a good clinic.
 */
static void read_good_for(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (strcmp(p->w[i].word, "good") != 0 || strcmp(p->w[i + 1].word, "for") != 0)
			continue;
		set_word(&p->w[i], "uses", strlen("uses"));
		p->w[i].meant = true;
	}
}

/* Folded forms of "avoid", which ask what to do as "do" does. */
static const char *const avoid_words[] = { "avoid", "avoiding" };

/* Whether w (folded) is in a title, a question, a term or an also_called of the content. */
static bool named_word(const struct search_index *ix, const char *w)
{
	uint32_t t = span_term(ix, w, strlen(w));
	return t != NO_TERM && ix->terms[t].named;
}

/*
 * Read "before" or "after" after "do", "doing" or "avoid" (within three words) as
 * bearing meaning, and what comes after it as aside (after "after", only the
 * words for the treatment: mark_treatment_aside) ("what should i do the
 * day before my exosome injection" asks what to do before, as "prepare
 * for"; "what do i do after my injection", what to do after, not about the
 * injection; "what should i avoid after", the same, and "avoid" then bears no
 * meaning), when the content names it (in a title, a question, a term or an
 * also_called).
 */
static void read_do_when(struct parse_ctx *p)
{
	for (size_t i = 0; i < p->n; i++) {
		bool avoid = in_list(p->w[i].word, avoid_words, ARRAY_LEN(avoid_words));
		if (!avoid && strcmp(p->w[i].word, "do") != 0 && strcmp(p->w[i].word, "doing") != 0)
			continue;
		for (size_t k = i + 1; k < p->n && k <= i + 3; k++) {
			const char *w = p->w[k].word;
			if ((strcmp(w, "before") != 0 && strcmp(w, "after") != 0) ||
			    !named_word(p->ix, w))
				continue;
			/* "avoid" asks what to do ("what do i avoid after"). */
			for (size_t j = 0; j < k; j++)
				p->w[j].asking |=
					in_list(p->w[j].word, avoid_words, ARRAY_LEN(avoid_words));
			p->w[k].meant = true;
			/* After: what it asks about, past the treatment, can lack. */
			if (strcmp(w, "after") == 0)
				mark_treatment_aside(p, k + 1);
			else
				mark_aside(p, k + 1);
			return;
		}
	}
}

/* Folded verbs that, after "how much", ask how much is given. */
static const char *const given_words[] = { "get",    "gets",     "give", "given", "gives", "got",
					   "inject", "injected", "put",  "use",   "used" };

/*
 * Read "how much" before a verb of giving, with only stop words between
 * ("how much do they give you"), and "too much" just after one, at the end
 * of the query or before "of" ("what happens if i get too much") as "dose",
 * which bears meaning; "how much does it cost", "how much is it to get an
 * iv", "too much swelling" and "is that too much" keep their words.
 */
static void read_how_much(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (strcmp(p->w[i + 1].word, "much") != 0)
			continue;
		bool dose = false;
		if (strcmp(p->w[i].word, "how") == 0) {
			/* Only stop words between ("how much do they give"), not "to"
			 * ("how much is it to get", a price) nor a thing ("how much
			 * swelling will i get"). */
			for (size_t k = i + 2; k < p->n && k <= i + 5; k++) {
				if (in_list(p->w[k].word, given_words, ARRAY_LEN(given_words))) {
					dose = true;
					break;
				}
				if (!p->w[k].stop || strcmp(p->w[k].word, "to") == 0)
					break;
			}
		} else if (strcmp(p->w[i].word, "too") == 0) {
			/* Given too much: "if i get too much", "given too much of it". */
			bool given = false;
			for (size_t k = 1; k <= 2 && k <= i && !given; k++)
				given = in_list(p->w[i - k].word, given_words,
						ARRAY_LEN(given_words));
			dose = given && (i + 2 == p->n || strcmp(p->w[i + 2].word, "of") == 0);
		}
		if (!dose)
			continue;
		set_word(&p->w[i + 1], "dose", strlen("dose"));
		p->w[i + 1].meant = true;
	}
}

/* Folded words that, after "years", say a time far off ("years later"). */
static const char *const years_after_words[] = { "after", "from", "later", "on" };

/*
 * Read "years later" (and "years after", "years from now", "years down the
 * road", "years on"), "down the road", "in the long run" and "over time" as
 * "long term", which bears meaning: "could problems show up years later"
 * asks about long-term risks, not about what studies show.
 */
static void read_long_term(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *a = p->w[i].word, *b = p->w[i + 1].word;
		bool road = strcmp(a, "down") == 0 && strcmp(b, "the") == 0 && i + 2 < p->n &&
			    strcmp(p->w[i + 2].word, "road") == 0;
		if (!road &&
		    !(strcmp(a, "years") == 0 &&
		      in_list(b, years_after_words, ARRAY_LEN(years_after_words))) &&
		    !(strcmp(a, "long") == 0 && strcmp(b, "run") == 0 && i >= 2 &&
		      strcmp(p->w[i - 1].word, "the") == 0 &&
		      strcmp(p->w[i - 2].word, "in") == 0) &&
		    !(strcmp(a, "over") == 0 && strcmp(b, "time") == 0))
			continue;
		set_word(&p->w[i], "long", strlen("long"));
		set_word(&p->w[i + 1], "term", strlen("term"));
		p->w[i].meant = p->w[i + 1].meant = true;
		if (road)
			join_next(p, i + 1); /* "the road" is the one word "term" */
		i++;
	}
}

static const char *const made_of_words[] = { "composed", "consist", "consists", "made" };

/*
 * Read "made of", "made up of", "composed of" and "consist(s) of" as
 * "contains", which bears meaning: "what are exosomes made of" asks what they
 * hold, not how or where they are made ("made from" keeps its word).
 */
static void read_made_of(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		struct qword *q = &p->w[i];
		if (!in_list(q->word, made_of_words, ARRAY_LEN(made_of_words)))
			continue;
		size_t k = i + 1;
		if (strcmp(q->word, "made") == 0 && strcmp(p->w[k].word, "up") == 0 && k + 1 < p->n)
			k++;
		if (strcmp(p->w[k].word, "of") != 0)
			continue;
		set_word(q, "contains", strlen("contains"));
		q->meant = true;
	}
}

/*
 * Read "who should not", "who shouldn't" and "who cannot" as
 * "contraindications", which bears meaning: they ask who the treatment is
 * not for, not about the treatment in general.
 */
static void read_who_not(struct parse_ctx *p)
{
	static const char *const nots[] = { "cannot", "cant", "shouldnt" };
	static const char *const modals[] = { "can", "must", "should" };
	for (size_t i = 0; i + 1 < p->n; i++) {
		const char *next = p->w[i + 1].word;
		if (strcmp(p->w[i].word, "who") != 0)
			continue;
		if (!in_list(next, nots, ARRAY_LEN(nots)) &&
		    !(in_list(next, modals, ARRAY_LEN(modals)) && i + 2 < p->n &&
		      strcmp(p->w[i + 2].word, "not") == 0))
			continue;
		set_word(&p->w[i], "contraindications", strlen("contraindications"));
		p->w[i].meant = true;
	}
}

/* Read "work out" and its forms as the one word they mean. */
static void read_work_out(struct parse_ctx *p)
{
	for (size_t i = 0; i + 1 < p->n; i++) {
		struct qword *q = &p->w[i];
		if (strcmp(p->w[i + 1].word, "out") != 0)
			continue;
		if (!in_list(q->word, work_words, ARRAY_LEN(work_words)))
			continue;
		set_word(q, "exercise", strlen("exercise"));
		join_next(p, i);
	}
}

enum {
	MIN_RUN_PART = 4 /* letters of each word read out of two run together */
};

/* Whether w (folded) is a word of the content that bears meaning. */
static bool content_word_of(const struct search_index *ix, const char *w, size_t n)
{
	uint32_t v = word_lookup(ix, w, n);
	return v != NO_TERM && !ix->words[v].stop;
}

/*
 * Read "anti" and the word after it ("anti-coagulants") as one word when the
 * content holds it or it is a kind of a class ("anti-depressants"), or when
 * it is an English word and the content lacks the word after "anti"
 * ("anti-biotics"); "anti" alone is a stop word ("anti-aging" is about aging).
 */
static void read_anti(struct parse_ctx *p)
{
	const struct search_index *ix = p->ix;
	for (size_t i = 0; i + 1 < p->n; i++) {
		if (strcmp(p->w[i].word, "anti") != 0)
			continue;
		struct buf b = { 0 };
		buf_printf(&b, "anti%s", p->w[i + 1].word);
		size_t sl;
		const char *stem = fold_stem(ix->fold, b.s, b.len, &sl);
		bool join = term_lookup(ix, stem, sl) != NO_TERM || kind_word(b.s);
		if (!join) {
			const char *next = p->w[i + 1].word;
			const char *ns = fold_stem(ix->fold, next, strlen(next), &sl);
			Hunhandle *h =
				term_lookup(ix, ns, sl) == NO_TERM ? speller_for(ix, b.s) : NULL;
			join = h && is_english(h, b.s);
		}
		if (join) {
			set_word(&p->w[i], b.s, b.len);
			join_next(p, i);
		}
		free(b.s);
	}
}

/*
 * Read a word the content lacks that is two of its words run together
 * ("stemcells", "sideeffects") as those two words, and report it ("stem
 * cells"), unless Hunspell knows it as a word. The split whose shorter part
 * is longest wins.
 */
static void read_run_together(struct parse_ctx *p)
{
	const struct search_index *ix = p->ix;
	for (size_t i = 0; i < p->n; i++) {
		struct qword *q = &p->w[i];
		size_t n = strlen(q->word);
		if (q->stop || q->number || n < 2 * MIN_RUN_PART ||
		    word_lookup(ix, q->word, n) != NO_TERM)
			continue;
		size_t best = 0, best_short = 0;
		for (size_t k = MIN_RUN_PART; k + MIN_RUN_PART <= n; k++) {
			size_t shorter = k < n - k ? k : n - k;
			if (shorter > best_short && content_word_of(ix, q->word, k) &&
			    content_word_of(ix, q->word + k, n - k)) {
				best = k;
				best_short = shorter;
			}
		}
		if (best == 0)
			continue;
		Hunhandle *h = speller_for(ix, q->word);
		if (h && is_english(h, q->word))
			continue;
		char *whole = xstrdup(q->word);
		p->w = xgrow(p->w, p->n, sizeof(*p->w));
		q = &p->w[i];
		memmove(&p->w[i + 2], &p->w[i + 1], (p->n - i - 1) * sizeof(*p->w));
		p->n++;
		struct qword *r = &p->w[i + 1];
		*r = (struct qword){ .start = q->start + q->len };
		set_word(r, whole + best, n - best);
		set_word(q, whole, best);
		/* Reported as the two words, over the span typed. */
		struct buf b = { 0 };
		buf_printf(&b, "%.*s %s", (int)best, whole, whole + best);
		free(q->fix);
		q->fix = buf_take(&b);
		free(whole);
		i++;
	}
}

/* Add each word of a piece of the query as a unit of its own, once; the
 * rest (repeats, and words past MAX_UNITS) are dropped. */
static void add_word_units(struct parse_ctx *p, struct unit *all, size_t *nall)
{
	read_slashes(p);
	read_run_together(p);
	read_anti(p);
	read_work_out(p);
	read_prepare_for(p);
	read_pre_post(p);
	read_made_of(p);
	read_long_term(p);
	read_how_much(p);
	read_do_when(p);
	read_good_for(p);
	read_feel_rough(p);
	read_whats_in(p);
	read_derived(p);
	read_who_not(p);
	read_does_work(p);
	read_compare(p);
	mark_idioms(p);
	for (size_t i = 0; i < p->n; i++) {
		bool dup = false;
		for (size_t j = 0; j < *nall && !dup; j++) {
			dup = same_word_unit(&all[j], &p->w[i]);
			/* Typed as well as read from another word, it bears meaning. */
			if (dup && !p->w[i].asking)
				all[j].w[0].asking = false;
		}
		if (dup || *nall == MAX_UNITS) {
			qword_free(&p->w[i]);
			continue;
		}
		struct qword *one = xmalloc(sizeof(*one));
		*one = p->w[i];
		all[(*nall)++] = (struct unit){ .w = one, .nw = 1 };
	}
	free(p->w);
}

/* The query's units, in order: "quoted phrases" (of up to MAX_PHRASE words)
 * and single words. */
static size_t parse_units(const struct search_index *ix, const char *query, struct unit *all)
{
	size_t nall = 0;
	for (const char *s = query; *s != '\0';) {
		bool quoted = *s == '"';
		if (quoted)
			s++;
		const char *e = strchr(s, '"');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		struct parse_ctx p = { .ix = ix, .base = (size_t)(s - query), .query = query };
		fold_words(ix->fold, s, len, add_query_word, &p);
		s += len + (e != NULL && quoted);
		if (quoted && p.n > 1) {
			if (p.n > MAX_PHRASE) {
				for (size_t i = MAX_PHRASE; i < p.n; i++)
					free(p.w[i].word);
				p.n = MAX_PHRASE;
			}
			if (nall < MAX_UNITS) {
				all[nall++] = (struct unit){ .w = p.w, .nw = p.n };
				continue;
			}
		}
		add_word_units(&p, all, &nall);
	}
	return nall;
}

/*
 * A sign is never aside, once its word is resolved: "what should i do before
 * my appointment if i have trouble breathing" names one, whatever it asks
 * first.
 */
static void keep_signs(const struct search_index *ix, struct unit *all, size_t nall)
{
	for (size_t i = 0; i < nall; i++) {
		struct qword *q = &all[i].w[0];
		for (size_t a = 0; q->aside && a < q->nalts; a++)
			if (ix->terms[q->alts[a].term].sign)
				q->aside = false;
	}
}

/* The first folded word of a query, and whether it tells of a time since
 * the treatment (told_since). */
struct since_ctx {
	char first[16]; /* empty when longer */
	bool seen, since, years;
};

static int since_word(void *arg, const struct fold_word *fw)
{
	static const char *const times[] = { "after", "afterwards", "later", "now", "since" };
	struct since_ctx *sc = arg;
	char w[16];
	bool first = !sc->seen, years = sc->years;
	sc->seen = true;
	sc->years = false;
	if (fw->wlen >= sizeof(w))
		return 0;
	memcpy(w, fw->word, fw->wlen);
	w[fw->wlen] = '\0';
	if (first) {
		memcpy(sc->first, w, fw->wlen + 1);
		return 0;
	}
	sc->years = strcmp(w, "years") == 0;
	/* "years after", "years from now": the long term (read_long_term). */
	sc->since |= !years && in_list(w, times, ARRAY_LEN(times));
	return 0;
}

bool told_since(const struct search_index *ix, const char *query)
{
	/* A question that asks leave or what to do ("can i drink alcohol after
	 * the shot", "what should i avoid after treatment") asks no sign. */
	static const char *const asks[] = { "am", "are", "can",    "could", "do",   "does", "how",
					    "is", "may", "should", "what",  "when", "where" };
	struct since_ctx sc = { 0 };
	fold_words(ix->fold, query, strlen(query), since_word, &sc);
	return sc.since && !in_list(sc.first, asks, ARRAY_LEN(asks));
}

/*
 * Split the query into units: "quoted phrases" and single words, and resolve
 * their words. Stop words are dropped unless nothing else is left (then the
 * plan is all filler). Returns the number of units.
 */
size_t plan_build(const struct search_index *ix, const char *query, struct plan *pl)
{
	struct unit all[MAX_UNITS];

	pl->n = pl->nslips = 0;
	pl->filler = false;
	pl->telling = pl->signs = pl->heads = 0; /* set as the query is scored */
	size_t nall = parse_units(ix, query, all);
	for (size_t i = 0; i < nall; i++)
		for (size_t j = 0; j < all[i].nw; j++)
			resolve_word(ix, &all[i].w[j]);
	fix_phrases(ix, all, nall);
	fix_short_forms(ix, all, nall);
	keep_signs(ix, all, nall);
	/* Stop words as resolved: a slip of one ("whta") is one too. */
	bool content_word = false;
	for (size_t i = 0; i < nall; i++)
		content_word |= all[i].nw > 1 || !all[i].w[0].stop;
	for (size_t i = 0; i < nall; i++) {
		if (content_word && all[i].nw == 1 && all[i].w[0].stop) {
			/* Its correction is still reported ("what are exosomes"). */
			struct qword *q = &all[i].w[0];
			if (q->fix) {
				pl->slips[pl->nslips++] = (struct slip){ .start = q->start,
									 .len = q->len,
									 .fix = q->fix };
				q->fix = NULL;
			}
			qword_free(q);
			free(all[i].w);
			continue;
		}
		pl->u[pl->n++] = all[i];
	}
	pl->filler = !content_word && pl->n > 0;
	return pl->n;
}

/* Corrected words in the order they stand in the query. */
static int cmp_fix_start(const void *a, const void *b)
{
	const struct slip *x = a, *y = b;
	return (x->start > y->start) - (x->start < y->start);
}

/* The query with each corrected word replaced, or NULL when nothing was corrected. */
char *corrected_query(const char *query, const struct plan *pl)
{
	struct slip fx[MAX_UNITS * MAX_PHRASE + MAX_UNITS];
	size_t n = 0;
	for (size_t i = 0; i < pl->n; i++)
		for (size_t j = 0; j < pl->u[i].nw; j++) {
			const struct qword *q = &pl->u[i].w[j];
			if (q->fix)
				fx[n++] = (struct slip){ .start = q->start,
							 .len = q->len,
							 .fix = q->fix };
		}
	for (size_t i = 0; i < pl->nslips; i++)
		fx[n++] = pl->slips[i];
	if (n == 0)
		return NULL;
	qsort(fx, n, sizeof(*fx), cmp_fix_start);
	struct buf b = { 0 };
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		text_sanitize(&b, query + at, fx[i].start - at);
		buf_puts(&b, fx[i].fix);
		at = fx[i].start + fx[i].len;
	}
	text_sanitize(&b, query + at, strlen(query) - at);
	return buf_take(&b);
}

struct sugg_ctx {
	uint32_t best;
	unsigned d;
};

/* Keep the nearest word fuzzy_each finds, the most frequent of equally near ones. */
static void keep_nearest(const struct search_index *ix, void *arg, uint32_t wid, unsigned d)
{
	struct sugg_ctx *s = arg;
	if (ix->words[wid].stop)
		return;
	if (s->best == NO_TERM || d < s->d ||
	    (d == s->d && ix->words[wid].freq > ix->words[s->best].freq)) {
		s->best = wid;
		s->d = d;
	}
}

/* The fewest edits from q to a word Hunspell proposes for it, up to k + 1. */
static unsigned nearest_proposal(const struct search_index *ix, Hunhandle *h, const struct qword *q,
				 unsigned k)
{
	char **list = NULL;
	int n = Hunspell_suggest(h, &list, q->word);
	unsigned best = k + 1;
	for (int i = 0; i < n; i++) {
		char word[MAX_FUZZY_LEN * 4 + 1];
		uint32_t cps[MAX_FUZZY_LEN];
		size_t nc;
		if (proposal_word(ix, list[i], word, cps, &nc) == 0)
			continue;
		unsigned d = text_edit_distance(q->cps, q->nchars, cps, nc, best);
		if (d < best)
			best = d;
	}
	if (list)
		Hunspell_free_list(h, &list, n);
	return best;
}

/*
 * The word "did you mean" puts for q: the nearest content word (TYPO_SUGGEST)
 * when q matched nothing and is not a correct English word, else q as typed.
 */
static const char *suggest_word(const struct search_index *ix, const struct qword *q)
{
	if (q->nalts > 0 || q->number || q->nchars < 3 || q->nchars > MAX_FUZZY_LEN)
		return q->word;
	Hunhandle *h = speller_for(ix, q->word);
	if (h && is_english(h, q->word))
		return q->word;
	struct sugg_ctx s = { .best = NO_TERM };
	fuzzy_each(ix, q, typo_max_edits(TYPO_SUGGEST, q->nchars), keep_nearest, &s);
	if (s.best == NO_TERM)
		return q->word;
	/* An English word nearer than any content word is the one meant
	 * ("diziness" is "dizziness", not "medicines"): the content lacks it. */
	if (h && s.d > 1 && nearest_proposal(ix, h, q, s.d) < s.d)
		return q->word;
	return ix->words[s.best].w;
}

/*
 * "Did you mean": each unknown word that is not a correct English word
 * replaced by the nearest known one, when one is near (suggest_word).
 */
char *suggest(const struct search_index *ix, const struct plan *pl)
{
	struct buf b = { 0 };
	bool changed = false;
	for (size_t i = 0; i < pl->n; i++) {
		for (size_t j = 0; j < pl->u[i].nw; j++) {
			const struct qword *q = &pl->u[i].w[j];
			const char *w = suggest_word(ix, q);
			changed |= w != q->word;
			if (b.len > 0)
				buf_putc(&b, ' ');
			if (j == 0 && pl->u[i].nw > 1)
				buf_putc(&b, '"');
			buf_puts(&b, w);
			if (j + 1 == pl->u[i].nw && pl->u[i].nw > 1)
				buf_putc(&b, '"');
		}
	}
	if (!changed) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}
