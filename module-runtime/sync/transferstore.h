// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "refusal.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace neurorack::runtime {

/// Where pushed files wait until they are complete and verified: DATA/.staging/, one
/// "HASH.part" file per transfer (HASH: the SHA-256 the sender announced) and its
/// "HASH.meta" description. Staged bytes survive a pulled cable and a reboot: a
/// PUSH_BEGIN for the same file resumes where they end. Nothing here touches the banks
/// and models in use; the commit does, once verify() agrees.
class TransferStore
{
public:
    /// The largest bank and model the module takes.
    static constexpr qint64 kMaxBankBytes = 32LL * 1024 * 1024;
    static constexpr qint64 kMaxModelBytes = 1024LL * 1024 * 1024;
    /// Bytes per chunk when the sender has no wish.
    static constexpr int kDefaultChunk = 24 * 1024;
    /// Staged files untouched for this long are removed at start-up.
    static constexpr int kStaleDays = 7;

    struct Staged {
        quint32 id = 0;
        TransferKind kind = TransferKind::Bank;
        QString name;
        qint64 size = 0;
        QByteArray sha256;
        qint64 offset = 0; ///< bytes staged so far
        int chunk = kDefaultChunk;
        QString path;      ///< the .part file
    };

    explicit TransferStore(QString dir);
    /// Removes stale staged files.
    void clean();

    /// Starts a transfer, or resumes the staged one with the same name, kind and hash.
    /// @p freeBytes: room left on the module.
    Answer<Staged> begin(const PushBegin &request, qint64 freeBytes);
    /// Appends a chunk that starts where the staged bytes end; returns the new end.
    Answer<qint64> append(quint32 id, qint64 offset, const QByteArray &data);
    /// Flushes the staged file and checks its size and hash. On a mismatch the staged
    /// bytes are discarded (the sender starts again).
    Answer<Staged> verify(quint32 id);
    /// Forgets the transfer and removes its files (after a commit or an abort).
    void finish(quint32 id);

private:
    QString metaPath(const QByteArray &sha256) const;
    QString partPath(const QByteArray &sha256) const;

    QString m_dir;
    QHash<quint32, Staged> m_transfers;
    quint32 m_nextId;
};

} // namespace neurorack::runtime
