#ifndef MOSC_CCURL_H
#define MOSC_CCURL_H

#include <stddef.h>

/// libcurl, loaded on first use with dlopen: only `mosc sync` and `mosc status --server` speak HTTP, so every
/// other command starts without libcurl and the thirty libraries it pulls in (about 7 MB and 9 ms per run).

/// Loads libcurl once per process. Returns 0, or -1 with a reason in `error` (libcurl is not installed).
int mosc_curl_load(char *error, size_t error_size);

/// One reusable transfer handle (keeps its connections alive between requests); NULL when loading failed.
void *mosc_curl_handle_new(void);

/// Frees a handle from `mosc_curl_handle_new`.
void mosc_curl_handle_free(void *handle);

/// A response: status and body (malloc'ed; free with `mosc_curl_response_free`).
typedef struct {
    long status;
    unsigned char *body;
    size_t body_size;
} mosc_curl_response;

/// Sends one request on `handle`: no redirects followed, http and https only, `timeout_ms` for the whole transfer.
/// `headers` holds `header_count` "Name: value" lines. Returns 0 with `response` filled (any HTTP status), or -1
/// with a reason in `error` (connection failed, timed out, body too large).
int mosc_curl_perform(void *handle, const char *method, const char *url, const char *const *headers,
                      size_t header_count, const unsigned char *body, size_t body_size, long timeout_ms,
                      size_t max_body_size, mosc_curl_response *response, char *error, size_t error_size);

/// Frees a response's body.
void mosc_curl_response_free(mosc_curl_response *response);

#endif
