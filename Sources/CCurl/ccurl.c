#include "ccurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's ABI numbers (curl/curl.h, stable since 7.x). The -dev headers are not needed to build mosc.
enum {
    OPT_WRITEDATA = 10001,
    OPT_URL = 10002,
    OPT_ERRORBUFFER = 10010,
    OPT_WRITEFUNCTION = 20011,
    OPT_HTTPHEADER = 10023,
    OPT_CUSTOMREQUEST = 10036,
    OPT_NOBODY = 44,
    OPT_POST = 47,
    OPT_FOLLOWLOCATION = 52,
    OPT_NOSIGNAL = 99,
    OPT_TIMEOUT_MS = 155,
    OPT_CONNECTTIMEOUT_MS = 156,
    OPT_PROTOCOLS = 181,
    OPT_REDIR_PROTOCOLS = 182,
    OPT_POSTFIELDSIZE_LARGE = 30120,
    OPT_COPYPOSTFIELDS = 10165,
    INFO_RESPONSE_CODE = 0x200002,
    GLOBAL_DEFAULT = 3,
    PROTO_HTTP = 1,
    PROTO_HTTPS = 2,
    ERROR_SIZE = 256,
};

typedef void CURL;
struct curl_slist;
typedef size_t (*write_callback)(char *, size_t, size_t, void *);

static struct {
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    int (*easy_setopt)(CURL *, int, ...);
    int (*easy_perform)(CURL *);
    int (*easy_getinfo)(CURL *, int, ...);
    void (*easy_cleanup)(CURL *);
    void (*easy_reset)(CURL *);
    const char *(*easy_strerror)(int);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[ERROR_SIZE];
static int loaded = 0;

static void load(void) {
    static const char *const names[] = {"libcurl.so.4", "libcurl.so", "libcurl.4.dylib", "/usr/lib/libcurl.4.dylib"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]) && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) {
        snprintf(load_error, sizeof(load_error), "libcurl is not installed (Debian: apt-get install libcurl4)");
        return;
    }
#define SYMBOL(field, name)                                                                                   \
    *(void **)(&curl.field) = dlsym(library, name);                                                           \
    if (curl.field == NULL) {                                                                                 \
        snprintf(load_error, sizeof(load_error), "the installed libcurl has no %s", name);                    \
        return;                                                                                               \
    }
    SYMBOL(global_init, "curl_global_init")
    SYMBOL(easy_init, "curl_easy_init")
    SYMBOL(easy_setopt, "curl_easy_setopt")
    SYMBOL(easy_perform, "curl_easy_perform")
    SYMBOL(easy_getinfo, "curl_easy_getinfo")
    SYMBOL(easy_cleanup, "curl_easy_cleanup")
    SYMBOL(easy_reset, "curl_easy_reset")
    SYMBOL(easy_strerror, "curl_easy_strerror")
    SYMBOL(slist_append, "curl_slist_append")
    SYMBOL(slist_free_all, "curl_slist_free_all")
#undef SYMBOL
    // Not thread-safe in old libcurls: done once here, before any handle exists.
    if (curl.global_init(GLOBAL_DEFAULT) != 0) {
        snprintf(load_error, sizeof(load_error), "libcurl failed to initialise");
        return;
    }
    loaded = 1;
}

static void copy_error(char *error, size_t error_size, const char *text) {
    if (error != NULL && error_size > 0) snprintf(error, error_size, "%s", text);
}

int mosc_curl_load(char *error, size_t error_size) {
    pthread_once(&load_once, load);
    if (loaded) return 0;
    copy_error(error, error_size, load_error);
    return -1;
}

void *mosc_curl_handle_new(void) {
    if (mosc_curl_load(NULL, 0) != 0) return NULL;
    return curl.easy_init();
}

void mosc_curl_handle_free(void *handle) {
    if (handle != NULL && loaded) curl.easy_cleanup(handle);
}

typedef struct {
    unsigned char *bytes;
    size_t size;
    size_t capacity;
    size_t limit;
    int overflowed;
} buffer;

static size_t append(char *data, size_t size, size_t count, void *context) {
    buffer *body = context;
    size_t length = size * count;
    if (body->size + length > body->limit) {
        body->overflowed = 1;
        return 0;  // aborts the transfer
    }
    if (body->size + length > body->capacity) {
        size_t capacity = body->capacity ? body->capacity : 4096;
        while (capacity < body->size + length) capacity *= 2;
        unsigned char *grown = realloc(body->bytes, capacity);
        if (grown == NULL) return 0;
        body->bytes = grown;
        body->capacity = capacity;
    }
    memcpy(body->bytes + body->size, data, length);
    body->size += length;
    return length;
}

int mosc_curl_perform(void *handle, const char *method, const char *url, const char *const *headers,
                      size_t header_count, const unsigned char *body, size_t body_size, long timeout_ms,
                      size_t max_body_size, mosc_curl_response *response, char *error, size_t error_size) {
    memset(response, 0, sizeof(*response));
    if (handle == NULL || !loaded) {
        copy_error(error, error_size, load_error[0] ? load_error : "no HTTP handle");
        return -1;
    }
    curl.easy_reset(handle);  // keeps the handle's open connections
    // An empty "Expect:" stops libcurl from waiting for a 100-continue before larger bodies.
    struct curl_slist *list = curl.slist_append(NULL, "Expect:");
    for (size_t i = 0; list != NULL && i < header_count; i++) {
        struct curl_slist *grown = curl.slist_append(list, headers[i]);
        if (grown == NULL) {
            curl.slist_free_all(list);
            copy_error(error, error_size, "out of memory");
            return -1;
        }
        list = grown;
    }
    if (list == NULL) {
        copy_error(error, error_size, "out of memory");
        return -1;
    }
    char curl_error[ERROR_SIZE] = {0};
    buffer received = {NULL, 0, 0, max_body_size, 0};
    curl.easy_setopt(handle, OPT_URL, url);
    curl.easy_setopt(handle, OPT_ERRORBUFFER, curl_error);
    curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L);
    curl.easy_setopt(handle, OPT_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_REDIR_PROTOCOLS, (long)(PROTO_HTTP | PROTO_HTTPS));
    curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl.easy_setopt(handle, OPT_HTTPHEADER, list);
    curl.easy_setopt(handle, OPT_WRITEFUNCTION, (write_callback)append);
    curl.easy_setopt(handle, OPT_WRITEDATA, &received);
    if (strcmp(method, "HEAD") == 0) {
        curl.easy_setopt(handle, OPT_NOBODY, 1L);
    } else if (body != NULL) {
        curl.easy_setopt(handle, OPT_POST, 1L);
        curl.easy_setopt(handle, OPT_POSTFIELDSIZE_LARGE, (long long)body_size);
        curl.easy_setopt(handle, OPT_COPYPOSTFIELDS, (const char *)body);
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        curl.easy_setopt(handle, OPT_CUSTOMREQUEST, method);
    }
    int code = curl.easy_perform(handle);
    curl.slist_free_all(list);
    if (code != 0) {
        free(received.bytes);
        if (received.overflowed) {
            if (error != NULL && error_size > 0) {
                snprintf(error, error_size, "the answer is larger than %zu bytes", max_body_size);
            }
        } else {
            copy_error(error, error_size, curl_error[0] ? curl_error : curl.easy_strerror(code));
        }
        return -1;
    }
    long status = 0;
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &status);
    response->status = status;
    response->body = received.bytes;
    response->body_size = received.size;
    return 0;
}

void mosc_curl_response_free(mosc_curl_response *response) {
    free(response->body);
    response->body = NULL;
    response->body_size = 0;
}
