#ifndef MOSC_CEXCHANGE_H
#define MOSC_CEXCHANGE_H

/// Atomically swaps two paths (Linux renameat2 RENAME_EXCHANGE, macOS renamex_np RENAME_SWAP).
/// Returns 0 on success, else -1 with errno set (EINVAL or ENOSYS where the file system cannot).
int mosc_exchange_paths(const char *a, const char *b);

#endif
