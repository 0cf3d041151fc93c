/*
 * The floor of the benchmarks: read every *.yaml / *.yml file below a folder (hidden files and folders skipped,
 * as mosc does) and pull all of libyaml's events, doing nothing with them. Nothing that reads this YAML can be
 * faster. Prints the number of files, bytes and events so the work cannot be optimised away.
 *
 *     cc -O2 -o yaml-floor Benchmarks/floor/yaml-floor.c -lyaml
 *     ./yaml-floor .build-bench/corpus/10k
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

static unsigned long files, bytes, events;

static int is_policy_file(const char *name) {
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static void parse_file(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { perror(path); exit(2); }
    struct stat st;
    if (fstat(fd, &st) != 0) { perror(path); exit(2); }
    unsigned char *buffer = malloc((size_t)st.st_size + 1);
    size_t length = 0;
    ssize_t got;
    while ((got = read(fd, buffer + length, (size_t)st.st_size - length)) > 0) length += (size_t)got;
    close(fd);

    yaml_parser_t parser;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buffer, length);
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    (unsigned long)parser.problem_mark.column + 1, parser.problem ? parser.problem : "error");
            break;
        }
        events++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
    free(buffer);
    files++;
    bytes += length;
}

static void walk(const char *folder) {
    DIR *dir = opendir(folder);
    if (!dir) { perror(folder); exit(2); }
    struct dirent *entry;
    size_t base = strlen(folder);
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        size_t n = base + 1 + strlen(entry->d_name) + 1;
        char *path = malloc(n);
        snprintf(path, n, "%s/%s", folder, entry->d_name);
        int is_dir = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat st;
            is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
        }
        if (is_dir) walk(path);
        else if (is_policy_file(entry->d_name)) parse_file(path);
        free(path);
    }
    closedir(dir);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
        return 64;
    }
    walk(argv[1]);
    printf("%lu files, %lu bytes, %lu events\n", files, bytes, events);
    return 0;
}
