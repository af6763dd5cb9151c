// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage.h"

#include "io/documentcodec.h"
#include "io/documentfile.h"
#include "model/factory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcStorage, "neurorack.storage")

namespace neurorack::runtime {

void Storage::syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

namespace {
QStringList filesIn(const QString &dir, const QStringList &patterns)
{
    return QDir(dir).entryList(patterns, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase);
}
}

Storage::Storage(QString dataDir)
    : m_dir(QDir(dataDir).absolutePath())
{
}

QString Storage::bankPath(const QString &name) const
{
    return m_dir + QStringLiteral("/banks/") + name;
}

QString Storage::modelPath(const QString &name) const
{
    return m_dir + QStringLiteral("/models/") + name;
}

QString Storage::settingsPath() const
{
    return m_dir + QStringLiteral("/settings.json");
}

Status Storage::prepare(const QString &shippedModel)
{
    QDir dir(m_dir);
    for (const QString &sub : {QStringLiteral("banks"), QStringLiteral("models")}) {
        if (!dir.mkpath(sub))
            return Status::failure(dir.absoluteFilePath(sub), QStringLiteral("cannot create the folder"));
    }
    // The factory bank is always there to fall back on.
    if (!QFileInfo::exists(bankPath(kFactoryBank)) && !QFileInfo::exists(bankPath(kFactoryBank) + kLastGoodSuffix)) {
        const auto factory = Factory::bank();
        if (!factory)
            return Status::failure(QStringLiteral("factory bank"), factory.errorString());
        if (auto saved = saveBank(kFactoryBank, *factory); !saved)
            return saved;
        qCInfo(lcStorage).noquote() << "filled" << m_dir << "with the factory bank";
    }
    if (models().isEmpty() && !shippedModel.isEmpty() && QFileInfo::exists(shippedModel)) {
        const auto bytes = DocumentFile::readFile(shippedModel);
        if (!bytes)
            return Status::failure(shippedModel, bytes.errorString());
        if (auto written = writeAtomically(modelPath(QFileInfo(shippedModel).fileName()), *bytes); !written)
            return written;
        qCInfo(lcStorage).noquote() << "copied the shipped model" << QFileInfo(shippedModel).fileName() << "into" << m_dir;
    }
    return done();
}

QStringList Storage::banks() const
{
    return filesIn(m_dir + QStringLiteral("/banks"), {QStringLiteral("*.json"), QStringLiteral("*.cbor")});
}

QStringList Storage::models() const
{
    return filesIn(m_dir + QStringLiteral("/models"), {QStringLiteral("*.pt")});
}

Status Storage::writeAtomically(const QString &path, const QByteArray &bytes)
{
    if (const QString error = DocumentFile::writeFileAtomically(path, bytes); !error.isEmpty())
        return Status::failure(path, error);
    syncFolder(QFileInfo(path).absolutePath());
    return done();
}

template<typename Valid>
Result<QByteArray> Storage::loadWithFallback(const QString &path, Valid valid, QString *notice)
{
    const QString lastGood = path + kLastGoodSuffix;
    auto bytes = DocumentFile::readFile(path);
    QString problem = bytes ? valid(*bytes) : bytes.errorString();
    if (problem.isEmpty()) {
        if (!QFileInfo::exists(lastGood))
            writeAtomically(lastGood, *bytes);
        return bytes;
    }
    const QString name = QFileInfo(path).fileName();
    auto copy = DocumentFile::readFile(lastGood);
    if (!copy || !valid(*copy).isEmpty()) {
        qCWarning(lcStorage).noquote() << path << "cannot be used and has no good copy:" << problem;
        return Result<QByteArray>::failure(path, problem);
    }
    // Set the damaged file aside for a post-mortem and put the good copy back in place.
    if (QFileInfo::exists(path)) {
        QFile::remove(path + kDamagedSuffix);
        QFile::rename(path, path + kDamagedSuffix);
    }
    writeAtomically(path, *copy);
    if (notice)
        *notice = QStringLiteral("%1 was damaged; its last good copy is back").arg(name);
    qCWarning(lcStorage).noquote() << path << "is damaged (" << problem << "); restored its last good copy";
    return copy;
}

Result<Bank> Storage::loadBank(const QString &name, QString *notice)
{
    const QString path = bankPath(name);
    auto bytes = loadWithFallback(path, [](const QByteArray &b) { return DocumentFile::bankFromBytes(b).errorString(); }, notice);
    if (!bytes)
        return bytes.errors();
    return DocumentFile::bankFromBytes(*bytes);
}

Status Storage::saveBank(const QString &name, const Bank &bank)
{
    const QString path = bankPath(name);
    if (auto current = DocumentFile::readFile(path); current && DocumentFile::bankFromBytes(*current))
        writeAtomically(path + kLastGoodSuffix, *current);
    if (const QString error = DocumentFile::saveBank(path, bank); !error.isEmpty())
        return Status::failure(path, error);
    syncFolder(QFileInfo(path).absolutePath());
    return done();
}

Settings Storage::loadSettings(QString *notice)
{
    const QString path = settingsPath();
    if (!QFileInfo::exists(path) && !QFileInfo::exists(path + kLastGoodSuffix))
        return Settings{};
    auto bytes = loadWithFallback(path, [](const QByteArray &b) { return Settings::fromJson(b).errorString(); }, notice);
    if (!bytes) {
        if (notice)
            *notice = QStringLiteral("settings.json was damaged; using the defaults");
        return Settings{};
    }
    return *Settings::fromJson(*bytes);
}

Status Storage::saveSettings(const Settings &settings)
{
    const QString path = settingsPath();
    if (auto current = DocumentFile::readFile(path); current && Settings::fromJson(*current))
        writeAtomically(path + kLastGoodSuffix, *current);
    return writeAtomically(path, settings.toJson());
}

} // namespace neurorack::runtime
