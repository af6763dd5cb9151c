// SPDX-License-Identifier: GPL-3.0-or-later
#include "transferstore.h"

#include "protocol/frame.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <unistd.h>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

namespace neurorack::runtime {

namespace {
QString sizeText(qint64 bytes)
{
    return bytes >= 10 * 1024 * 1024 ? QStringLiteral("%1 MB").arg(bytes / (1024 * 1024)) : QStringLiteral("%1 kB").arg((bytes + 1023) / 1024);
}
} // namespace

TransferStore::TransferStore(QString dir)
    : m_dir(std::move(dir))
    , m_nextId(static_cast<quint32>(QDateTime::currentMSecsSinceEpoch() & 0xFFFF) << 8)
{
}

QString TransferStore::metaPath(const QByteArray &sha256) const
{
    return m_dir + QLatin1Char('/') + QString::fromLatin1(sha256.toHex()) + QStringLiteral(".meta");
}

QString TransferStore::partPath(const QByteArray &sha256) const
{
    return m_dir + QLatin1Char('/') + QString::fromLatin1(sha256.toHex()) + QStringLiteral(".part");
}

void TransferStore::clean()
{
    const QDir dir(m_dir);
    const QDateTime limit = QDateTime::currentDateTime().addDays(-kStaleDays);
    const auto entries = dir.entryInfoList({QStringLiteral("*.part"), QStringLiteral("*.meta")}, QDir::Files);
    for (const QFileInfo &file : entries) {
        if (file.lastModified() < limit) {
            QFile::remove(file.absoluteFilePath());
            qCInfo(lcSync).noquote() << "removed the stale staged file" << file.fileName();
        }
    }
}

Answer<TransferStore::Staged> TransferStore::begin(const PushBegin &request, qint64 freeBytes)
{
    const qint64 limit = request.kind == TransferKind::Bank ? kMaxBankBytes : kMaxModelBytes;
    if (request.size > limit)
        return Refusal{ErrorCode::kTooLarge, QStringLiteral("%1 is %2, more than the %3 a %4 may have").arg(request.name, sizeText(request.size), sizeText(limit), transferKindKey(request.kind))};
    if (request.size == 0)
        return Refusal{ErrorCode::kInvalidContent, QStringLiteral("%1 is empty").arg(request.name)};
    if (!QDir().mkpath(m_dir))
        return Refusal{ErrorCode::kStorage, QStringLiteral("cannot create %1").arg(m_dir)};

    // An earlier, different version of the same file will not be finished: make room,
    // also for versions staged before a reboot.
    const QString part = partPath(request.sha256);
    const auto metas = QDir(m_dir).entryInfoList({QStringLiteral("*.meta")}, QDir::Files);
    for (const QFileInfo &info : metas) {
        QFile other(info.absoluteFilePath());
        if (!other.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject meta = QJsonDocument::fromJson(other.read(4096)).object();
        const QString hash = info.completeBaseName();
        if (meta.value(QStringLiteral("kind")).toString() == transferKindKey(request.kind)
            && meta.value(QStringLiteral("name")).toString() == request.name && hash != QString::fromLatin1(request.sha256.toHex())) {
            QFile::remove(info.absoluteFilePath());
            QFile::remove(m_dir + QLatin1Char('/') + hash + QStringLiteral(".part"));
        }
    }
    for (auto it = m_transfers.begin(); it != m_transfers.end();) {
        if (it->kind == request.kind && it->name == request.name && it->sha256 != request.sha256) {
            QFile::remove(it->path);
            QFile::remove(metaPath(it->sha256));
            it = m_transfers.erase(it);
        } else {
            ++it;
        }
    }

    Staged staged;
    staged.kind = request.kind;
    staged.name = request.name;
    staged.size = request.size;
    staged.sha256 = request.sha256;
    staged.path = part;
    staged.chunk = request.chunk > 0 ? std::min(request.chunk, kDefaultChunk) : kDefaultChunk;
    const QJsonObject meta{{QStringLiteral("kind"), transferKindKey(request.kind)},
                           {QStringLiteral("name"), request.name},
                           {QStringLiteral("size"), request.size}};
    QFile metaFile(metaPath(request.sha256));
    const bool sameFile = metaFile.open(QIODevice::ReadOnly) && QJsonDocument::fromJson(metaFile.readAll()).object() == meta;
    metaFile.close();
    const qint64 staged0 = sameFile && QFileInfo::exists(part) ? std::min(QFileInfo(part).size(), request.size) : 0;
    // Room for the rest of the staged copy and the stored file beside the old one.
    const qint64 needed = (request.size - staged0) + request.size * 2;
    if (freeBytes >= 0 && needed > freeBytes)
        return Refusal{ErrorCode::kNoSpace, QStringLiteral("%1 needs %2 and the module has %3 free").arg(request.name, sizeText(needed), sizeText(freeBytes))};
    if (sameFile && QFileInfo::exists(part)) {
        staged.offset = staged0;
        // Resumed: not stale.
        const QDateTime now = QDateTime::currentDateTime();
        QFile touch(metaFile.fileName());
        if (touch.open(QIODevice::ReadWrite))
            touch.setFileTime(now, QFileDevice::FileModificationTime);
    } else {
        QFile::remove(part);
        if (!metaFile.open(QIODevice::WriteOnly | QIODevice::Truncate) || metaFile.write(QJsonDocument(meta).toJson(QJsonDocument::Compact)) < 0)
            return Refusal{ErrorCode::kStorage, QStringLiteral("cannot write %1: %2").arg(metaFile.fileName(), metaFile.errorString())};
        metaFile.close();
        QFile create(part);
        if (!create.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Refusal{ErrorCode::kStorage, QStringLiteral("cannot write %1: %2").arg(part, create.errorString())};
    }
    // A transfer resumed after a reconnection gets a new id; the staged bytes are the same.
    for (auto it = m_transfers.begin(); it != m_transfers.end(); ++it) {
        if (it->sha256 == request.sha256) {
            m_transfers.erase(it);
            break;
        }
    }
    staged.id = ++m_nextId;
    m_transfers.insert(staged.id, staged);
    return staged;
}

Answer<qint64> TransferStore::append(quint32 id, qint64 offset, const QByteArray &data)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return Refusal{ErrorCode::kUnknownTransfer, QStringLiteral("no transfer %1 (start it again with PUSH_BEGIN)").arg(id)};
    if (offset != it->offset)
        return Refusal{ErrorCode::kOffsetMismatch, QStringLiteral("a chunk at byte %1 where %2 bytes are staged").arg(offset).arg(it->offset), it->offset};
    if (data.isEmpty() || data.size() > Frame::kMaxPayload || offset + data.size() > it->size)
        return Refusal{ErrorCode::kBadRequest, QStringLiteral("a chunk of %1 bytes at %2 does not fit a file of %3").arg(data.size()).arg(offset).arg(it->size)};
    QFile file(it->path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Refusal{ErrorCode::kStorage, QStringLiteral("cannot write %1: %2").arg(it->path, file.errorString())};
    if (file.size() != offset && !file.resize(offset))
        return Refusal{ErrorCode::kStorage, QStringLiteral("cannot trim %1: %2").arg(it->path, file.errorString())};
    if (file.write(data) != data.size()) {
        const QString why = file.errorString();
        file.close();
        QFile::resize(it->path, offset);
        return Refusal{ErrorCode::kStorage, QStringLiteral("cannot write %1: %2").arg(it->path, why)};
    }
    file.close();
    it->offset = offset + data.size();
    return it->offset;
}

Answer<TransferStore::Staged> TransferStore::verify(quint32 id)
{
    auto it = m_transfers.find(id);
    if (it == m_transfers.end())
        return Refusal{ErrorCode::kUnknownTransfer, QStringLiteral("no transfer %1 (start it again with PUSH_BEGIN)").arg(id)};
    if (it->offset != it->size)
        return Refusal{ErrorCode::kBadRequest, QStringLiteral("%1: only %2 of %3 bytes have arrived").arg(it->name).arg(it->offset).arg(it->size)};
    QFile file(it->path);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal{ErrorCode::kStorage, QStringLiteral("cannot read %1: %2").arg(it->path, file.errorString())};
    ::fsync(file.handle());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    if (file.size() != it->size || hash.result() != it->sha256) {
        const QString name = it->name;
        qCWarning(lcSync).noquote() << "staged" << name << "does not match its hash: discarded";
        finish(id);
        return Refusal{ErrorCode::kHashMismatch, QStringLiteral("%1 arrived damaged (its SHA-256 differs); the staged copy is discarded").arg(name)};
    }
    return *it;
}

void TransferStore::finish(quint32 id)
{
    const auto it = m_transfers.constFind(id);
    if (it == m_transfers.cend())
        return;
    QFile::remove(it->path);
    QFile::remove(metaPath(it->sha256));
    m_transfers.erase(it);
}

} // namespace neurorack::runtime
