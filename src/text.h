/* text.h — Vietnamese text services: UTF-8, normalisation, case, and (in
 * their own files) collation, numbers, dates, file names, legacy encodings.
 * All returned strings are malloc'd (xmalloc) and owned by the caller. */
#ifndef VANBAN_TEXT_H
#define VANBAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --- text_utf8.c ------------------------------------------------------- */

/* Decodes one code point from s[0..len). Returns the number of bytes used
 * (1-4), or 0 if the bytes are not valid UTF-8 (overlong, surrogate, > U+10FFFF,
 * truncated); then *cp is U+FFFD. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Writes cp as UTF-8 into out (at least 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Number of code points in s[0..len) (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);
/* True if s[0..len) is valid UTF-8; else *bad is the byte offset of the first fault. */
bool utf8_valid(const char *s, size_t len, size_t *bad);

/* --- text_norm.c ------------------------------------------------------- */

/* NFC of valid UTF-8 s[0..len); *outlen gets the result's length. */
char *text_nfc(const char *s, size_t len, size_t *outlen);
/* True if s[0..len) is already NFC. */
bool text_is_nfc(const char *s, size_t len);
/* Upper / lower case of every letter, marks kept (NFC in, NFC out). */
char *text_upper(const char *s);
char *text_lower(const char *s);
/* NFD (canonical decomposition) of valid UTF-8 s[0..len); caller frees. */
char *text_nfd(const char *s, size_t len, size_t *outlen);
/* Copy of s with its first letter upper-cased ("một trăm" -> "Một trăm",
 * "(đồng)" -> "(Đồng)"); caller frees. */
char *text_upper_first(const char *s);

/* --- text_letters.c ---------------------------------------------------- */

/* The Vietnamese alphabet in collation order, with f j w z where Latin order
 * puts them. The names spell the letter Telex-style: AW = ă, AA = â, DD = đ. */
enum vn_base {
	VN_A, VN_AW, VN_AA, VN_B, VN_C, VN_D, VN_DD, VN_E, VN_EE, VN_F, VN_G,
	VN_H, VN_I, VN_J, VN_K, VN_L, VN_M, VN_N, VN_O, VN_OO, VN_OW, VN_P,
	VN_Q, VN_R, VN_S, VN_T, VN_U, VN_UW, VN_V, VN_W, VN_X, VN_Y, VN_Z,
	VN_BASE_COUNT
};
/* The six tones, in the lexicographers' order (none, huyền, hỏi, ngã, sắc, nặng). */
enum vn_tone { VN_TONE_NONE, VN_TONE_GRAVE, VN_TONE_HOOK, VN_TONE_TILDE, VN_TONE_ACUTE, VN_TONE_DOT };

/* One letter of the table: lower/upper code point (NFC), base letter, tone. */
struct vn_letter {
	uint32_t lower, upper;
	enum vn_base base;
	enum vn_tone tone;
};

#define VN_LETTER_COUNT 73 /* 12 vowels x 6 tones + đ; 67 of them are not ASCII */
/* The vowel letters with every tone, and đ, in dictionary order
 * (a à á ả ã ạ ă … đ … y ỳ ý ỷ ỹ ỵ); with upper case that is 146 letters. */
extern const struct vn_letter vn_letters[VN_LETTER_COUNT];
/* ASCII letter that each base letter loses its marks to ("ă" -> 'a', "đ" -> 'd'). */
extern const char vn_base_ascii[VN_BASE_COUNT];

/* Classifies one code point: any ASCII letter or any letter of vn_letters (either
 * case). Returns false for everything else (other Latin letters, marks, digits). */
bool vn_letter_info(uint32_t cp, enum vn_base *base, enum vn_tone *tone, bool *upper);
/* The precomposed code point of base+tone in the given case ('A', U+1EB6 "Ặ",
 * 'b'), or 0 if Vietnamese has no such letter (a consonant with a tone). */
uint32_t vn_letter_compose(enum vn_base base, enum vn_tone tone, bool upper);

/* --- text_collate.c ---------------------------------------------------- */

/* Where sắc sits among the tones; sources disagree (docs/rules.md §5.1). */
enum tone_order {
	TONE_LEXICO, /* none, huyền, hỏi, ngã, sắc, nặng (Vietnam Lexicography Centre; default) */
	TONE_ALT,    /* none, huyền, sắc, hỏi, ngã, nặng */
};

/* Compares two UTF-8 strings (NFC or NFD) in Vietnamese dictionary order:
 * syllable by syllable (split at spaces, hyphens and other punctuation); within
 * a syllable letters first (a ă â b … đ … ư …, case-insensitive), then the tone;
 * then case (lower before upper); last the raw bytes, so only equal strings
 * compare equal. Returns <0, 0 or >0. Never code-point order. */
int text_collate(const char *a, const char *b, enum tone_order order);
/* Like text_collate for person names: keyed by the given name (last word), then
 * the middle names left to right, then the family name (first word). */
int text_collate_name(const char *a, const char *b, enum tone_order order);
/* A byte string whose memcmp order (shorter prefix first) equals text_collate
 * (or text_collate_name when name is true): build it once per item to sort many.
 * *len gets its length; caller frees. */
unsigned char *text_sort_key(const char *s, enum tone_order order, bool name, size_t *len);
/* Compares two keys made by text_sort_key. */
int text_sort_key_cmp(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen);

/* --- text_number.c ----------------------------------------------------- */

/* "1.500.000", "-2.340.000": "." between thousands. */
char *text_thousands(long long n);
/* v with exactly places (0-9) decimals, "," as decimal mark and "." between
 * thousands: text_decimal(0.3, 1) = "0,3", (2340000.5, 2) = "2.340.000,50".
 * Rounds like printf (an exact half goes to even: 2.5 -> "2"); money should
 * stay in integers (text_thousands). Non-finite values give "?". */
char *text_decimal(double v, int places);

/* Choices in reading numbers aloud; a zeroed struct (or NULL) is the default. */
struct words_style {
	bool le;      /* "lẻ" instead of "linh" for a zero tens digit ("một trăm lẻ năm") */
	bool ngan;    /* "ngàn" instead of "nghìn" */
	bool ti;      /* "tỉ" instead of "tỷ" */
	bool tu;      /* "tư" instead of "bốn" after "mươi" ("hai mươi tư") */
	bool capital; /* capitalise the first letter ("Một trăm …", for "Bằng chữ:") */
};
/* Vietnamese words for n, e.g. 1005 = "một nghìn không trăm linh năm",
 * 21 = "hai mươi mốt", 15 = "mười lăm", 1000000000 = "một tỷ"; every value of
 * unsigned long long is read (beyond 10^12 as "… nghìn tỷ", "… triệu tỷ"). */
char *text_number_words(unsigned long long n, const struct words_style *st);
/* A count: "08" when pad and 0 <= n < 10, else "8", "12", "-3". */
char *text_count(int n, bool pad);

/* --- text_date.c ------------------------------------------------------- */

struct date {
	int y, m, d;
};

/* True if y-m-d is a real day of the Gregorian calendar, years 1-9999. */
bool date_valid(struct date d);
/* Parses "YYYY-MM-DD", "DD/MM/YYYY" or "DD.MM.YYYY" (day and month may have
 * one digit in the last two forms) and checks the calendar (leap years).
 * Nothing else is accepted, not even surrounding spaces. On failure *out is
 * untouched. */
bool date_parse(const char *s, struct date *out);
/* A draft's date without its day: "YYYY-MM" or "MM/YYYY" (day 0). */
bool date_parse_dayless(const char *s, struct date *out);
/* The same forms without the calendar check ("30/02/2023" reads), so that
 * a message can say the day does not exist. */
bool date_read(const char *s, struct date *out);
/* Days in month m of year y (0 if m is not a month). */
int date_month_days(int y, int m);
/* <0, 0, >0 as a is before, the same as, or after b. */
int date_cmp(struct date a, struct date b);
/* "ngày 05 tháng 01 năm 2020", "ngày 31 tháng 12 năm 2020": days < 10 and
 * months 1 and 2 take a leading zero (ND30). */
char *text_date_words(struct date d);
/* "<place>, ngày DD tháng M năm YYYY"; without place (NULL or "") the same as
 * text_date_words. */
char *text_date_line(const char *place, struct date d);
/* Parses "14:00", "14h00", "14h", "14 giờ 00", "14 giờ", "7g30" ("phút" may
 * follow the minutes). Hours 0-23, minutes 0-59; false on anything else. */
bool time_parse(const char *s, int *h, int *min);
/* "14 giờ 00", "7 giờ 05": hours unpadded, minutes always two digits. */
char *text_time(int h, int m);

/* --- text_slug.c ------------------------------------------------------- */

/* An ASCII file-name stem made from s (UTF-8, NFC or NFD): marks dropped,
 * đ/Đ -> d/D, ASCII letters and digits kept (compatibility forms such as
 * full-width letters fold to ASCII), every other run of characters becomes one
 * "-"; no leading or trailing "-", never empty ("untitled"), never "." or "..",
 * Windows reserved names (CON, PRN, AUX, NUL, COM1-9, LPT1-9, any case) get "_"
 * appended. At most max_bytes bytes (values below 8 count as 8).
 * "Nguyễn Thị Hương" -> "Nguyen-Thi-Huong". s must be NUL-terminated: the loader
 * rejects scalars containing NUL, so nothing after one is seen. Caller frees. */
char *text_slug(const char *s, size_t max_bytes);

/* --- text_legacy.c ----------------------------------------------------- */

enum legacy_enc {
	LEGACY_NONE,   /* UTF-8: nothing to convert */
	LEGACY_TCVN3,  /* TCVN 5712:1993 VN3 (ABC, ".VnTime" fonts) */
	LEGACY_TCVN3H, /* the same codes set in an upper-case ".VnTimeH" font: TCVN3, then upper case */
	LEGACY_VNI,    /* VNI-Windows ("VNI-Times"): base letter + mark bytes */
	LEGACY_CP1258, /* Windows-1258: base letters + combining tone marks */
};

/* Converts bytes[0..len) in enc to UTF-8 NFC; *outlen gets the length (the
 * result is also NUL-terminated). Bytes the encoding leaves unassigned become
 * U+FFFD. LEGACY_NONE copies the bytes. Caller frees. */
char *text_from_legacy(enum legacy_enc enc, const char *bytes, size_t len, size_t *outlen);
/* Looks for TCVN3 or VNI text that was mis-read as Latin-1/cp1252 and stored as
 * UTF-8 (e.g. "ViÖt" for TCVN3 "Việt", "Vieät" for VNI). Returns the
 * likely encoding and sets *index (may be NULL) to the character index of the first
 * tell-tale, or LEGACY_NONE for ordinary Unicode text. */
enum legacy_enc text_guess_legacy(const char *utf8, size_t len, size_t *index);
/* Parses an encoding name: "tcvn3"/"tcvn"/"abc", "tcvn3h", "vni"/"vni-windows", "cp1258"/"windows-1258",
 * "utf-8"/"utf8"/"unicode" (LEGACY_NONE); any case. False if unknown. */
bool text_legacy_name(const char *s, enum legacy_enc *out);
/* The name to declare ("tcvn3", "vni", "cp1258", "utf-8") and the name to
 * show ("TCVN3 (ABC)", "VNI-Windows", …) of an encoding; static strings. */
const char *text_legacy_key(enum legacy_enc enc);
const char *text_legacy_label(enum legacy_enc enc);
/* How well raw bytes read as Vietnamese in enc (LEGACY_NONE: as UTF-8):
 * the words holding anything beyond ASCII that form a Vietnamese syllable,
 * minus those that do not (at most 20,000 such words are looked at). */
long text_legacy_score(enum legacy_enc enc, const char *bytes, size_t len);
/* The encoding (UTF-8 = LEGACY_NONE, TCVN3, VNI or cp1258) in which bytes
 * read best as Vietnamese; false if none does, or two do equally well. */
bool text_guess_legacy_bytes(const char *bytes, size_t len, enum legacy_enc *out);
/* Undoes an editor that read a legacy file as Windows-1252 (or Latin-1) and
 * saved it as UTF-8: the original bytes, NUL-terminated, or NULL if some
 * character of the valid UTF-8 s[0..len) has no such byte. Caller frees. */
char *text_cp1252_bytes(const char *s, size_t len, size_t *outlen);

/* --- text_safe.c ------------------------------------------------------- */

/* Checks that s[0..len) (valid UTF-8) holds only characters a document may
 * print: no C0/C1 controls except tab and newline, no U+FEFF, no bidi
 * embeddings/overrides/isolates, nothing outside the BMP, no noncharacters.
 * Returns true if safe; else *index is the 0-based character index of the
 * first bad one, *cp the code point (the byte, for invalid UTF-8) and *why
 * what is wrong with it. */
enum text_unsafe {
	UNSAFE_NONE,
	UNSAFE_BAD_UTF8,
	UNSAFE_CONTROL,  /* C0 but tab and newline, and DEL */
	UNSAFE_C1,
	UNSAFE_BOM,      /* U+FEFF inside text */
	UNSAFE_BIDI,     /* embeddings, overrides, isolates, marks */
	UNSAFE_NONCHAR,
	UNSAFE_ASTRAL,   /* outside the BMP */
};
bool text_check_safe(const char *s, size_t len, size_t *index, uint32_t *cp, enum text_unsafe *why);

/* --- text_fill.c --------------------------------------------------------
 * fmt with each "{key}" replaced by its value; a key without a value (or
 * with a NULL value) stays as written. */
struct text_subst {
	const char *key, *value;
};
char *text_fill(const char *fmt, const struct text_subst *subst, size_t n);

#endif
