/* symbol.h: document symbols brought to one key, whoever writes them: the document itself
 * ("S/RES/2672 (2023)"), a user ("78/217", "s/res/2672(2023)", "2672 (2023)") or a citation
 * ("its resolution 78/217", "Security Council resolution 687 (1991)"); and the undocs.org
 * address of a symbol. No SQLite, no curses. */
#ifndef GAVEL_LIBRARY_SYMBOL_H
#define GAVEL_LIBRARY_SYMBOL_H

#include <stddef.h>

/* Room for any key: symbols are short ("A/HRC/RES/S-17/1", "S/RES/2672(2023)"). */
#define SYMBOL_KEY_MAX 64

/* The organ that adopted a cited resolution, as the words before "resolution" say. */
enum organ {
	ORGAN_NONE = 0,     /* not said: the number's shape decides */
	ORGAN_GA,           /* General Assembly: A/RES/ */
	ORGAN_SC,           /* Security Council: S/RES/ */
	ORGAN_ECOSOC,       /* Economic and Social Council: E/RES/ */
	ORGAN_HRC,          /* Human Rights Council: A/HRC/RES/ */
	ORGAN_CHR           /* Commission on Human Rights: E/CN.4/RES/ */
};

/* The key of a symbol as a document prints it: upper case, without spaces, so
 * "S/RES/2672 (2023)", "S/RES/2672(2023)" and "s/res/2672 (2023)" are one document.
 * Returns 0, or -1 when it does not fit in n bytes (key is then ""). */
int symbol_key(const char *symbol, char *key, size_t n);

/* What a user types for a resolution: a full symbol in any case and spacing, "78/217"
 * (General Assembly), "2672 (2023)" (Security Council), "ES-10/2", "2200 A (XXI)".
 * Returns 0 with the key, or -1 when s is not a resolution number or symbol. A bare number
 * ("2672") is not a key: symbol_sc_prefix gives what a Security Council key starts with. */
int symbol_from_user(const char *s, char *key, size_t n);

/* "2672" -> "S/RES/2672(": the start of the key of Security Council resolution 2672, whose
 * year the user left out. -1 when s is not a bare number. */
int symbol_sc_prefix(const char *s, char *prefix, size_t n);

/* A cited resolution, as refs_resolution_number reads it ("57/218", "242 (1967)",
 * "2200 A (XXI)", "ES-10/2", "S-17/1"), with the organ the citation names, or the citing
 * document's own organ for "its resolution": the key of the cited document. */
int symbol_of_citation(const char *number, enum organ, char *key, size_t n);

/* The organ of a symbol or key ("A/RES/..." -> ORGAN_GA), ORGAN_NONE when unknown. */
enum organ symbol_organ(const char *symbol);

/* "https://undocs.org/" + the symbol as the UN writes it in addresses (no spaces):
 * "https://undocs.org/S/RES/2672(2023)". Returns 0, or -1 when it does not fit. */
int symbol_undocs(const char *key, char *url, size_t n);

#endif
