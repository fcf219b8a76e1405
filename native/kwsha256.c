/*
 * kwsha256 — a SQLite loadable extension for Kaderwijzer's audit verification (docs/audit-format.md §5.1).
 *
 * Defines two SQL functions:
 *
 *   kw_sha256_hex(x)  the SHA-256 of the bytes of x as 64 lowercase hexadecimal characters, when x is a TEXT value
 *                     that is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF); NULL for
 *                     anything else (NULL, a number, a BLOB, text that is not valid UTF-8).
 *
 *   kw_chain_link(content, hash)
 *                     for a stored event that is sound as far as the bytes themselves can tell, what its place in
 *                     the chain is: the record  <hash: 64 hex><prevHash: 64 hex><streamSeq: 1-15 digits>,<stream>"
 *                     (ASCII only). Sound means: content is valid UTF-8 TEXT, hash is TEXT equal to
 *                     kw_sha256_hex(content), and content ends the way canonical events end,
 *                       ,"prevHash":"<64 lowercase hex>","stream":"<stream>","streamSeq":<digits>,"workflowId":...
 *                     read from its LAST ,"prevHash":" (as contentPosition in src/audit/hash-chain.ts reads it),
 *                     with a stream of printable ASCII other than " and \ (so it needs no unescaping).
 *                     Anything else gives the single character "!": the caller then reads that event whole and
 *                     verifies it as row-by-row verification does. Whether the event links to its predecessor is
 *                     for the caller to check; this function only reads.
 *
 * With them, whole-store verification hashes each stored event inside the database, where its bytes already are,
 * and reads its position there, instead of copying every byte into JavaScript first (src/audit/content-page.ts,
 * LINK_PAGE_SQL). Every event this code is not certain of goes the slow way, so the two ways always agree: text
 * that is not valid UTF-8 is never accepted here, because JavaScript would read it with replacement characters.
 *
 * SHA-256 is OpenSSL's (libcrypto, the same library Node.js's node:crypto uses). Built by scripts/build-native.mjs
 * into native/build/kwsha256.so; verification works without it, only slower.
 */
#define _GNU_SOURCE /* memrchr */
#define OPENSSL_SUPPRESS_DEPRECATED /* SHA256_Init/Update/Final: the direct path, no provider lookup per call */
#include <openssl/sha.h>
#include <sqlite3ext.h>
#include <stdint.h>
#include <string.h>
SQLITE_EXTENSION_INIT1

/* 1 when s[0, n) is valid UTF-8 (RFC 3629), else 0. Runs of ASCII are skipped eight bytes at a time. */
static int valid_utf8(const unsigned char *s, int n) {
  int i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    int len;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return 0; /* a continuation byte, 0xC0/0xC1 (overlong) or 0xF5..0xFF */
    }
    if (len > n - i) return 0;
    for (int k = 1; k < len; k++) {
      unsigned char d = s[i + k];
      if ((d & 0xC0) != 0x80) return 0;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return 0;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return 0;
    i += len;
  }
  return 1;
}

static const char HEX[] = "0123456789abcdef";

/* The SHA-256 of s[0, n) as 64 lowercase hex characters into out. */
static void sha256_hex(const unsigned char *s, int n, char out[64]) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256_CTX sha;
  SHA256_Init(&sha);
  SHA256_Update(&sha, s, (size_t)n);
  SHA256_Final(md, &sha);
  for (int i = 0; i < SHA256_DIGEST_LENGTH; i++) {
    out[2 * i] = HEX[md[i] >> 4];
    out[2 * i + 1] = HEX[md[i] & 15];
  }
}

/* The bytes of a TEXT value that is valid UTF-8, with their length in *n; NULL for anything else. */
static const unsigned char *utf8_text(sqlite3_value *v, int *n) {
  if (sqlite3_value_type(v) != SQLITE_TEXT) return NULL;
  const unsigned char *p = sqlite3_value_text(v);
  *n = sqlite3_value_bytes(v);
  return p != NULL && valid_utf8(p, *n) ? p : NULL;
}

static void kw_sha256_hex(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  int n;
  const unsigned char *p = utf8_text(argv[0], &n);
  if (p == NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  char out[64];
  sha256_hex(p, n, out);
  sqlite3_result_text(ctx, out, 64, SQLITE_TRANSIENT);
}

static const char PREV_HASH_KEY[] = ",\"prevHash\":\"";     /* 13 bytes */
static const char STREAM_KEY[] = "\",\"stream\":\"";        /* 12 bytes */
static const char STREAM_SEQ_KEY[] = "\",\"streamSeq\":";   /* 14 bytes */
static const char WORKFLOW_ID_KEY[] = ",\"workflowId\":";   /* 14 bytes */
#define KEY_LEN(k) ((int)sizeof(k) - 1)

/* 1 for the bytes of lowercase hexadecimal digits; read without a branch per byte. */
static const unsigned char IS_HEX[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
};

#ifndef __GLIBC__
/* memrchr where the C library has none (it is a GNU extension). */
static const void *memrchr(const void *s, int c, size_t n) {
  const unsigned char *p = (const unsigned char *)s + n;
  while (p > (const unsigned char *)s) if (*--p == (unsigned char)c) return p;
  return NULL;
}
#endif

/* The offset of the last ,"prevHash":" in s[0, n), or -1. Finds its H (rare in JSON) with memrchr, then compares. */
static int last_prev_hash_key(const unsigned char *s, int n) {
  const int len = KEY_LEN(PREV_HASH_KEY);
  const int h_at = 6; /* PREV_HASH_KEY[6] == 'H' */
  size_t limit = (size_t)n;
  while (limit > 0) {
    const unsigned char *p = memrchr(s, 'H', limit);
    if (p == NULL) return -1;
    int k = (int)(p - s) - h_at;
    if (k >= 0 && k + len <= n && memcmp(s + k, PREV_HASH_KEY, (size_t)len) == 0) return k;
    limit = (size_t)(p - s);
  }
  return -1;
}

/* Where the parts of a sound event's record lie in its content. */
struct link {
  int prev_hash, stream, stream_end, digits, digits_end;
};

/*
 * Reads the position of a sound event (see the top of this file) into *at and checks its hash: 1 when the event is
 * sound and the record can be made, 0 when it must be read the slow way.
 */
static int read_link(const unsigned char *c, int n, const unsigned char *hash, int hash_n, char computed[64], struct link *at) {
  if (hash_n != 64) return 0;
  int k = last_prev_hash_key(c, n);
  if (k < 0) return 0;
  int h = k + KEY_LEN(PREV_HASH_KEY);
  if (h + 64 + KEY_LEN(STREAM_KEY) > n) return 0;
  unsigned hex = 1;
  for (int i = h; i < h + 64; i++) hex &= IS_HEX[c[i]];
  if (!hex) return 0;
  if (memcmp(c + h + 64, STREAM_KEY, KEY_LEN(STREAM_KEY)) != 0) return 0;
  int s = h + 64 + KEY_LEN(STREAM_KEY);
  int e = s;
  while (e < n && c[e] >= 0x20 && c[e] <= 0x7e && c[e] != '"' && c[e] != '\\') e++;
  if (e == s || e + KEY_LEN(STREAM_SEQ_KEY) > n || memcmp(c + e, STREAM_SEQ_KEY, KEY_LEN(STREAM_SEQ_KEY)) != 0) return 0;
  int d = e + KEY_LEN(STREAM_SEQ_KEY);
  int de = d;
  while (de < n && de - d < 16 && c[de] >= '0' && c[de] <= '9') de++;
  if (de == d || de - d > 15 || de + KEY_LEN(WORKFLOW_ID_KEY) > n || memcmp(c + de, WORKFLOW_ID_KEY, KEY_LEN(WORKFLOW_ID_KEY)) != 0) return 0;
  /* Only now the hash: the cheap checks above send a malformed event the slow way without hashing it. */
  sha256_hex(c, n, computed);
  if (memcmp(computed, hash, 64) != 0) return 0;
  at->prev_hash = h;
  at->stream = s;
  at->stream_end = e;
  at->digits = d;
  at->digits_end = de;
  return 1;
}

static void kw_chain_link(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  int n;
  const unsigned char *c = utf8_text(argv[0], &n);
  const unsigned char *hash = sqlite3_value_type(argv[1]) == SQLITE_TEXT ? sqlite3_value_text(argv[1]) : NULL;
  char computed[64];
  struct link at;
  if (c == NULL || hash == NULL || !read_link(c, n, hash, sqlite3_value_bytes(argv[1]), computed, &at)) {
    sqlite3_result_text(ctx, "!", 1, SQLITE_STATIC);
    return;
  }
  int stream_n = at.stream_end - at.stream;
  int digits_n = at.digits_end - at.digits;
  int len = 64 + 64 + digits_n + 1 + stream_n + 1;
  char small[384];
  char *out = len <= (int)sizeof small ? small : sqlite3_malloc(len);
  if (out == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  int o = 0;
  memcpy(out + o, computed, 64);
  o += 64;
  memcpy(out + o, c + at.prev_hash, 64);
  o += 64;
  memcpy(out + o, c + at.digits, (size_t)digits_n);
  o += digits_n;
  out[o++] = ',';
  memcpy(out + o, c + at.stream, (size_t)stream_n);
  o += stream_n;
  out[o++] = '"';
  sqlite3_result_text(ctx, out, o, SQLITE_TRANSIENT);
  if (out != small) sqlite3_free(out);
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_kwsha_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  (void)err;
  int rc = sqlite3_create_function(db, "kw_sha256_hex", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, kw_sha256_hex, NULL, NULL);
  if (rc != SQLITE_OK) return rc;
  return sqlite3_create_function(db, "kw_chain_link", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, kw_chain_link, NULL, NULL);
}
