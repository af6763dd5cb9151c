// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentfile.h"

#include "io/jsonwriter.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace neurorack {

namespace {

int depthOf(const QCborValue &v, int limit)
{
    if (limit < 0)
        return 1; // deep enough to fail: stop descending
    int deepest = 0;
    if (v.isArray()) {
        for (const auto &e : v.toArray())
            deepest = std::max(deepest, depthOf(e, limit - 1));
        return deepest + 1;
    }
    if (v.isMap()) {
        const QCborMap map = v.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            deepest = std::max(deepest, depthOf(it.value(), limit - 1));
        return deepest + 1;
    }
    return 0;
}

// JSON nesting measured on the text before parsing, so that a hostile file cannot
// make any parser recurse deeply.
int jsonNesting(const QByteArray &bytes)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

std::pair<int, int> lineAndColumn(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < std::min(offset, bytes.size()); ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(bytes.at(i)) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
    return {line, column};
}

bool looksLikeCborMap(const QByteArray &bytes)
{
    // Major type 5 (map): 0xA0–0xBB and the indefinite-length 0xBF. None of these can
    // start UTF-8 text, so JSON and CBOR never collide.
    if (bytes.isEmpty())
        return false;
    const auto b = static_cast<unsigned char>(bytes.at(0));
    return (b >= 0xA0 && b <= 0xBB) || b == 0xBF;
}

QString tooDeep(int depth)
{
    return QStringLiteral("nested %1 levels deep, more than the %2 a Neurorack document may have")
        .arg(depth)
        .arg(DocumentFile::kMaxNesting);
}

template<typename T, typename Decode>
Result<T> decodeBytes(const QByteArray &bytes, Decode decode)
{
    const auto tree = DocumentFile::parse(bytes);
    if (!tree)
        return tree.errors();
    return decode(*tree);
}

template<typename T, typename FromBytes>
Result<T> loadPath(const QString &path, FromBytes fromBytes)
{
    const auto bytes = DocumentFile::readFile(path);
    if (!bytes)
        return bytes.errors();
    return fromBytes(*bytes);
}

} // namespace

Result<QCborValue> DocumentFile::parse(const QByteArray &bytes)
{
    if (bytes.size() > kMaxFileSize)
        return Result<QCborValue>::failure(QString(), QStringLiteral("%1 bytes, more than the %2 MiB limit for a document")
                                                          .arg(bytes.size()).arg(kMaxFileSize / (1024 * 1024)));
    if (bytes.trimmed().isEmpty())
        return Result<QCborValue>::failure(QString(), QStringLiteral("the document is empty"));

    if (looksLikeCborMap(bytes)) {
        QCborStreamReader reader(bytes);
        const QCborValue tree = QCborValue::fromCbor(reader);
        if (reader.lastError() != QCborError::NoError)
            return Result<QCborValue>::failure(QString(), QStringLiteral("malformed CBOR at byte %1: %2")
                                                              .arg(reader.currentOffset())
                                                              .arg(reader.lastError().toString()));
        if (reader.currentOffset() != bytes.size())
            return Result<QCborValue>::failure(QString(), QStringLiteral("malformed CBOR: %1 unexpected bytes after the document")
                                                              .arg(bytes.size() - reader.currentOffset()));
        if (const int depth = depthOf(tree, kMaxNesting + 1); depth > kMaxNesting)
            return Result<QCborValue>::failure(QString(), tooDeep(depth));
        return tree;
    }

    if (const int depth = jsonNesting(bytes); depth > kMaxNesting)
        return Result<QCborValue>::failure(QString(), tooDeep(depth));
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(bytes, error.offset);
        return Result<QCborValue>::failure(QStringLiteral("line %1, column %2").arg(line).arg(column),
                                           QStringLiteral("malformed JSON: %1").arg(error.errorString()));
    }
    if (!json.isObject())
        return Result<QCborValue>::failure(QString(), QStringLiteral("expected a JSON object at the top level"));
    return QCborValue::fromJsonValue(json.object());
}

QByteArray DocumentFile::serialize(const QCborValue &document, Encoding encoding)
{
    if (encoding == Encoding::Cbor)
        return document.toCbor(QCborValue::EncodingOptions(QCborValue::UseFloat) | QCborValue::UseFloat16);
    return JsonWriter::write(document);
}

Encoding DocumentFile::encodingForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".cbor"), Qt::CaseInsensitive) ? Encoding::Cbor : Encoding::Json;
}

Result<QByteArray> DocumentFile::readFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Result<QByteArray>::failure(QString(), QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return Result<QByteArray>::failure(QString(), QStringLiteral("%1: is a folder, not a file").arg(path));
    if (info.size() > kMaxFileSize)
        return Result<QByteArray>::failure(QString(), QStringLiteral("%1: %2 bytes, more than the %3 MiB limit for a document")
                                                          .arg(path).arg(info.size()).arg(kMaxFileSize / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<QByteArray>::failure(QString(), QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    // Read one byte past the limit so that a file that grew after the size check is caught too.
    QByteArray bytes = file.read(kMaxFileSize + 1);
    if (bytes.size() > kMaxFileSize)
        return Result<QByteArray>::failure(QString(), QStringLiteral("%1: larger than the %2 MiB limit for a document")
                                                          .arg(path).arg(kMaxFileSize / (1024 * 1024)));
    return bytes;
}

QString DocumentFile::writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path); // QSaveFile writes a temporary, fsyncs it and renames it on commit()
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString message = QStringLiteral("%1: cannot be written: %2").arg(path, file.errorString());
        file.cancelWriting();
        return message;
    }
    if (!file.commit())
        return QStringLiteral("%1: cannot be saved: %2").arg(path, file.errorString());
    return {};
}

Result<Bank> DocumentFile::bankFromBytes(const QByteArray &bytes)
{
    return decodeBytes<Bank>(bytes, DocumentCodec::decodeBank);
}

Result<Preset> DocumentFile::presetFromBytes(const QByteArray &bytes)
{
    return decodeBytes<Preset>(bytes, DocumentCodec::decodePreset);
}

Result<Mapping> DocumentFile::mappingFromBytes(const QByteArray &bytes)
{
    return decodeBytes<Mapping>(bytes, DocumentCodec::decodeMapping);
}

Result<Bank> DocumentFile::loadBank(const QString &path)
{
    return loadPath<Bank>(path, bankFromBytes);
}

Result<Preset> DocumentFile::loadPreset(const QString &path)
{
    return loadPath<Preset>(path, presetFromBytes);
}

Result<Mapping> DocumentFile::loadMapping(const QString &path)
{
    return loadPath<Mapping>(path, mappingFromBytes);
}

namespace {

// What is saved must load again: decode the encoded tree first, and write nothing if a
// rule is broken (an empty name, a tag too long, …).
template<typename T, typename Decode>
QString saveChecked(const QString &path, const QCborMap &tree, Decode decode, const char *kind)
{
    if (const Result<T> check = decode(tree); !check)
        return QStringLiteral("%1: not saved: the %2 is not valid: %3").arg(path, QLatin1String(kind), check.errorString());
    return DocumentFile::writeFileAtomically(path, DocumentFile::serialize(tree, DocumentFile::encodingForPath(path)));
}

} // namespace

QString DocumentFile::saveBank(const QString &path, const Bank &bank)
{
    return saveChecked<Bank>(path, DocumentCodec::encodeBank(bank), DocumentCodec::decodeBank, "bank");
}

QString DocumentFile::savePreset(const QString &path, const Preset &preset)
{
    return saveChecked<Preset>(path, DocumentCodec::encodePreset(preset), DocumentCodec::decodePreset, "preset");
}

QString DocumentFile::saveMapping(const QString &path, const Mapping &mapping)
{
    return saveChecked<Mapping>(path, DocumentCodec::encodeMapping(mapping), DocumentCodec::decodeMapping, "mapping");
}

} // namespace neurorack
