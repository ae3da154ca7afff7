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

/* --- text_safe.c ------------------------------------------------------- */

/* Checks that s[0..len) (valid UTF-8) holds only characters a document may
 * print: no C0/C1 controls except tab and newline, no U+FEFF, no bidi
 * embeddings/overrides/isolates, nothing outside the BMP, no noncharacters.
 * Returns true if safe; else *index is the 0-based character index of the
 * first bad one, *cp the code point and *why a short English reason. */
bool text_check_safe(const char *s, size_t len, size_t *index, uint32_t *cp, const char **why);

#endif
