/*
 * The floor of writing an output tree: create every file of a listing (one "relative/path<TAB>size" per line,
 * as `find TREE -type f -printf '%P\t%s\n' | sort` prints it) below a folder, each with that many bytes,
 * creating folders as it goes, and nothing else: no reading, no computing. What it costs is the file system's
 * price for the tree itself, which any program writing the same files pays. The harness uses it to tell the
 * kernel's share of a compile's growth from 10k to 100k policies from mosc's own.
 *
 *     cc -O2 -o tree-floor Benchmarks/floor/tree-floor.c
 *     ./tree-floor listing.tsv /dev/shm/out
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char buffer[1 << 16];

/* Creates every folder of `path` (a file path) below the root, skipping the prefix shared with the last file. */
static void make_folders(char *path, const char *last, size_t root_length) {
    size_t shared = 0;
    while (path[shared] && path[shared] == last[shared]) shared++;
    for (char *p = path + root_length + 1; *p; p++) {
        if (*p != '/') continue;
        if ((size_t)(p - path) < shared && last[p - path] == '/') continue;
        *p = 0;
        if (mkdir(path, 0755) != 0 && errno != EEXIST) { perror(path); exit(2); }
        *p = '/';
    }
}

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: tree-floor LISTING OUT\n"); return 64; }
    FILE *listing = fopen(argv[1], "r");
    if (!listing) { perror(argv[1]); return 2; }
    char line[8192], path[16384], last[16384] = "";
    /* The output folder and any missing parents, as `mkdir -p` would. */
    snprintf(path, sizeof path, "%s/x", argv[2]);
    make_folders(path, last, 0);
    memset(buffer, 'x', sizeof buffer);
    size_t root_length = strlen(argv[2]);
    unsigned long files = 0, bytes = 0;
    while (fgets(line, sizeof line, listing)) {
        char *tab = strchr(line, '\t');
        if (!tab) continue;
        *tab = 0;
        long size = atol(tab + 1);
        snprintf(path, sizeof path, "%s/%s", argv[2], line);
        make_folders(path, last, root_length);
        strcpy(last, path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) { perror(path); return 2; }
        for (long left = size; left > 0;) {
            ssize_t n = write(fd, buffer, left < (long)sizeof buffer ? (size_t)left : sizeof buffer);
            if (n < 0) { if (errno == EINTR) continue; perror(path); return 2; }
            left -= n;
        }
        close(fd);
        files++;
        bytes += (unsigned long)size;
    }
    fclose(listing);
    printf("%lu files %lu bytes\n", files, bytes);
    return 0;
}
