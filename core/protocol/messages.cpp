// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.h"

#include "frame.h"

#include <QCborArray>
#include <QCborValue>

#include <cmath>
#include <limits>

namespace neurorack {

namespace {

constexpr qint64 kMaxFileSize = qint64(1) << 40;
constexpr int kMaxListed = 4096;  ///< files DEVICE_INFO may list
constexpr int kMaxText = 1024;    ///< free text (messages, summaries)

/// Reads the fields of a CBOR map payload, collecting one error per bad field.
class Fields
{
public:
    explicit Fields(QByteArrayView payload)
    {
        QCborParserError error;
        const QCborValue value = QCborValue::fromCbor(payload.toByteArray(), &error);
        if (error.error != QCborError::NoError)
            fail(QString(), QStringLiteral("not CBOR (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
        else if (!value.isMap())
            fail(QString(), QStringLiteral("not a CBOR map"));
        else
            m_map = value.toMap();
        m_broken = !m_errors.isEmpty();
    }
    explicit Fields(QCborMap map, QString prefix)
        : m_map(std::move(map))
        , m_prefix(std::move(prefix))
    {
    }

    bool has(QLatin1String key) const { return m_map.contains(key); }
    bool isNull(QLatin1String key) const { return m_map.value(key).isNull(); }

    qint64 integer(QLatin1String key, qint64 min, qint64 max, std::optional<qint64> fallback = std::nullopt)
    {
        const QCborValue v = m_map.value(key);
        if (v.isUndefined() && fallback)
            return *fallback;
        if (!v.isInteger()) {
            fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not an integer"));
            return min;
        }
        const qint64 n = v.toInteger();
        if (n < min || n > max) {
            fail(key, QStringLiteral("%1 is outside %2…%3").arg(n).arg(min).arg(max));
            return min;
        }
        return n;
    }

    double number(QLatin1String key, double fallback)
    {
        const QCborValue v = m_map.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble() && !v.isInteger()) {
            fail(key, QStringLiteral("not a number"));
            return fallback;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            fail(key, QStringLiteral("not a finite number"));
            return fallback;
        }
        return d;
    }

    bool boolean(QLatin1String key, bool fallback)
    {
        const QCborValue v = m_map.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isBool()) {
            fail(key, QStringLiteral("not true or false"));
            return fallback;
        }
        return v.toBool();
    }

    QString text(QLatin1String key, int maxLength, bool required)
    {
        const QCborValue v = m_map.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(key, QStringLiteral("missing"));
            return {};
        }
        if (!v.isString()) {
            fail(key, QStringLiteral("not a text"));
            return {};
        }
        QString s = v.toString();
        if (s.size() > maxLength) {
            fail(key, QStringLiteral("longer than %1 characters").arg(maxLength));
            return {};
        }
        return s;
    }

    /// A bank or model file name: no folders, no hidden files.
    QString fileName(QLatin1String key, bool required)
    {
        QString s = text(key, Protocol::kMaxNameLength, required);
        if (s.isEmpty()) {
            if (required && m_map.contains(key))
                fail(key, QStringLiteral("empty"));
            return s;
        }
        if (s.startsWith(QLatin1Char('.')) || s.contains(QLatin1Char('/')) || s.contains(QLatin1Char('\\'))
            || s.contains(QChar(0))) {
            fail(key, QStringLiteral("\"%1\" is not a plain file name").arg(s));
            return {};
        }
        return s;
    }

    QByteArray bytes(QLatin1String key, qsizetype exactSize = -1)
    {
        const QCborValue v = m_map.value(key);
        if (!v.isByteArray()) {
            fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a byte string"));
            return {};
        }
        QByteArray b = v.toByteArray();
        if (exactSize >= 0 && b.size() != exactSize) {
            fail(key, QStringLiteral("%1 bytes where %2 are expected").arg(b.size()).arg(exactSize));
            return {};
        }
        return b;
    }

    TransferKind kind(QLatin1String key)
    {
        const QString s = text(key, 16, true);
        if (s == u"bank")
            return TransferKind::Bank;
        if (s == u"model")
            return TransferKind::Model;
        if (!s.isEmpty())
            fail(key, QStringLiteral("\"%1\" is not bank or model").arg(s));
        return TransferKind::Bank;
    }

    QCborArray array(QLatin1String key, qsizetype maxSize)
    {
        const QCborValue v = m_map.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isArray()) {
            fail(key, QStringLiteral("not an array"));
            return {};
        }
        if (v.toArray().size() > maxSize) {
            fail(key, QStringLiteral("more than %1 entries").arg(maxSize));
            return {};
        }
        return v.toArray();
    }

    QCborMap map(QLatin1String key)
    {
        const QCborValue v = m_map.value(key);
        if (!v.isMap()) {
            fail(key, v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a map"));
            return {};
        }
        return v.toMap();
    }

    void fail(const QString &key, const QString &message)
    {
        // A payload that is not a map has one error, not one per missing field.
        if (!m_broken)
            m_errors.append({m_prefix + key, message});
    }
    void absorb(const FieldErrors &errors) { m_errors.append(errors); }
    const FieldErrors &errors() const { return m_errors; }

    template<typename T>
    Result<T> result(T value) const
    {
        if (!m_errors.isEmpty())
            return Result<T>(m_errors);
        return Result<T>(std::move(value));
    }

private:
    QCborMap m_map;
    QString m_prefix;
    FieldErrors m_errors;
    bool m_broken = false;
};

QCborValue kindValue(TransferKind kind)
{
    return transferKindKey(kind);
}

QByteArray cbor(const QCborMap &map)
{
    return QCborValue(map).toCbor();
}

constexpr qint64 kMaxTransfer = std::numeric_limits<quint32>::max();

} // namespace

QString messageName(quint8 type)
{
    switch (static_cast<MessageType>(type)) {
    case MessageType::Hello: return QStringLiteral("HELLO");
    case MessageType::DeviceInfo: return QStringLiteral("DEVICE_INFO");
    case MessageType::GetSettings: return QStringLiteral("GET_SETTINGS");
    case MessageType::SetSettings: return QStringLiteral("SET_SETTINGS");
    case MessageType::PushBegin: return QStringLiteral("PUSH_BEGIN");
    case MessageType::PushChunk: return QStringLiteral("PUSH_CHUNK");
    case MessageType::PushCommit: return QStringLiteral("PUSH_COMMIT");
    case MessageType::PushAbort: return QStringLiteral("PUSH_ABORT");
    case MessageType::PullBegin: return QStringLiteral("PULL_BEGIN");
    case MessageType::PullChunk: return QStringLiteral("PULL_CHUNK");
    case MessageType::Play: return QStringLiteral("PLAY");
    case MessageType::OverrideCv: return QStringLiteral("OVERRIDE_CV");
    case MessageType::Error: return QStringLiteral("ERROR");
    }
    return QStringLiteral("message 0x%1").arg(type, 2, 16, QLatin1Char('0'));
}

QString transferKindKey(TransferKind kind)
{
    return kind == TransferKind::Model ? QStringLiteral("model") : QStringLiteral("bank");
}

QByteArray emptyPayload()
{
    return cbor(QCborMap{});
}

// HELLO

QByteArray HelloRequest::encode() const
{
    return cbor({{QStringLiteral("oldest"), oldest}, {QStringLiteral("newest"), newest}, {QStringLiteral("software"), software}});
}

Result<HelloRequest> HelloRequest::decode(QByteArrayView payload)
{
    Fields f(payload);
    HelloRequest r;
    r.oldest = static_cast<int>(f.integer(QLatin1String("oldest"), 0, 65535));
    r.newest = static_cast<int>(f.integer(QLatin1String("newest"), 0, 65535));
    r.software = f.text(QLatin1String("software"), kMaxText, false);
    if (f.errors().isEmpty() && r.newest < r.oldest)
        f.fail(QStringLiteral("newest"), QStringLiteral("%1 is older than oldest (%2)").arg(r.newest).arg(r.oldest));
    return f.result(r);
}

QByteArray HelloReply::encode() const
{
    return cbor({{QStringLiteral("version"), version}, {QStringLiteral("software"), software}, {QStringLiteral("max_payload"), maxPayload}});
}

Result<HelloReply> HelloReply::decode(QByteArrayView payload)
{
    Fields f(payload);
    HelloReply r;
    r.version = static_cast<int>(f.integer(QLatin1String("version"), 0, 65535));
    r.software = f.text(QLatin1String("software"), kMaxText, false);
    r.maxPayload = static_cast<int>(f.integer(QLatin1String("max_payload"), 256, 1 << 24));
    return f.result(r);
}

// DEVICE_INFO

QByteArray DeviceInfo::encode() const
{
    const auto files = [](const QList<DeviceFile> &list) {
        QCborArray array;
        for (const auto &file : list) {
            QCborMap m{{QStringLiteral("file"), file.file}, {QStringLiteral("bytes"), file.bytes}, {QStringLiteral("name"), file.name}};
            if (file.presets >= 0)
                m.insert(QStringLiteral("presets"), file.presets);
            array.append(m);
        }
        return array;
    };
    QCborMap map{
        {QStringLiteral("runtime"), runtime},
        {QStringLiteral("protocol"), protocol},
        {QStringLiteral("model"), model},
        {QStringLiteral("model_file"), modelFile},
        {QStringLiteral("model_device"), modelDevice},
        {QStringLiteral("bank_file"), bankFile},
        {QStringLiteral("bank_name"), bankName},
        {QStringLiteral("slot"), slot},
        {QStringLiteral("banks"), files(banks)},
        {QStringLiteral("models"), files(models)},
        {QStringLiteral("free_bytes"), freeBytes},
        {QStringLiteral("total_bytes"), totalBytes},
        {QStringLiteral("uptime_s"), uptimeS},
        {QStringLiteral("triggers"), triggers},
        {QStringLiteral("xruns"), xruns},
        {QStringLiteral("renders"), renders},
    };
    // Figures the module cannot measure (no thermal zone: NaN) are left out.
    const std::pair<const char *, double> figures[] = {{"volume_db", volumeDb}, {"render_ms", renderMs},
                                                       {"cpu_percent", cpuPercent}, {"temperature_c", temperatureC}};
    for (const auto &[key, value] : figures) {
        if (std::isfinite(value))
            map.insert(QLatin1String(key), value);
    }
    return cbor(map);
}

Result<DeviceInfo> DeviceInfo::decode(QByteArrayView payload)
{
    Fields f(payload);
    DeviceInfo r;
    const auto text = [&](const char *key) { return f.text(QLatin1String(key), kMaxText, false); };
    const auto count = [&](const char *key) { return f.integer(QLatin1String(key), 0, std::numeric_limits<qint64>::max(), 0); };
    r.runtime = text("runtime");
    r.protocol = static_cast<int>(f.integer(QLatin1String("protocol"), 0, 65535));
    r.model = text("model");
    r.modelFile = text("model_file");
    r.modelDevice = text("model_device");
    r.bankFile = text("bank_file");
    r.bankName = text("bank_name");
    r.slot = static_cast<int>(f.integer(QLatin1String("slot"), 0, 1023, 0));
    const auto files = [&](const char *key) {
        QList<DeviceFile> list;
        const QCborArray array = f.array(QLatin1String(key), kMaxListed);
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString prefix = QStringLiteral("%1[%2].").arg(QLatin1String(key)).arg(i);
            if (!array.at(i).isMap()) {
                f.fail(prefix.chopped(1), QStringLiteral("not a map"));
                continue;
            }
            Fields item(array.at(i).toMap(), prefix);
            DeviceFile file;
            file.file = item.text(QLatin1String("file"), Protocol::kMaxNameLength * 2, true);
            file.bytes = item.integer(QLatin1String("bytes"), 0, kMaxFileSize, 0);
            file.name = item.text(QLatin1String("name"), kMaxText, false);
            file.presets = static_cast<int>(item.integer(QLatin1String("presets"), -1, 1024, -1));
            f.absorb(item.errors());
            list.append(file);
        }
        return list;
    };
    r.banks = files("banks");
    r.models = files("models");
    r.freeBytes = count("free_bytes");
    r.totalBytes = count("total_bytes");
    r.volumeDb = f.number(QLatin1String("volume_db"), 0.0);
    r.uptimeS = count("uptime_s");
    r.triggers = count("triggers");
    r.xruns = count("xruns");
    r.renders = count("renders");
    r.renderMs = f.number(QLatin1String("render_ms"), 0.0);
    r.cpuPercent = f.number(QLatin1String("cpu_percent"), 0.0);
    r.temperatureC = f.number(QLatin1String("temperature_c"), 0.0);
    return f.result(r);
}

// Transfers

QByteArray PushBegin::encode() const
{
    return cbor({{QStringLiteral("kind"), kindValue(kind)}, {QStringLiteral("name"), name}, {QStringLiteral("size"), size},
                 {QStringLiteral("sha256"), sha256}, {QStringLiteral("chunk"), chunk}});
}

Result<PushBegin> PushBegin::decode(QByteArrayView payload)
{
    Fields f(payload);
    PushBegin r;
    r.kind = f.kind(QLatin1String("kind"));
    r.name = f.fileName(QLatin1String("name"), true);
    r.size = f.integer(QLatin1String("size"), 0, kMaxFileSize);
    r.sha256 = f.bytes(QLatin1String("sha256"), 32);
    r.chunk = static_cast<int>(f.integer(QLatin1String("chunk"), 0, Frame::kMaxPayload, 0));
    return f.result(r);
}

QByteArray TransferReply::encode() const
{
    QCborMap m{{QStringLiteral("transfer"), transfer}, {QStringLiteral("offset"), offset}, {QStringLiteral("size"), size},
               {QStringLiteral("chunk"), chunk}};
    if (!sha256.isEmpty())
        m.insert(QStringLiteral("sha256"), sha256);
    return cbor(m);
}

Result<TransferReply> TransferReply::decode(QByteArrayView payload)
{
    Fields f(payload);
    TransferReply r;
    r.transfer = static_cast<quint32>(f.integer(QLatin1String("transfer"), 0, kMaxTransfer));
    r.offset = f.integer(QLatin1String("offset"), 0, kMaxFileSize, 0);
    r.size = f.integer(QLatin1String("size"), 0, kMaxFileSize, 0);
    if (f.has(QLatin1String("sha256")))
        r.sha256 = f.bytes(QLatin1String("sha256"), 32);
    r.chunk = static_cast<int>(f.integer(QLatin1String("chunk"), 1, Frame::kMaxPayload));
    return f.result(r);
}

QByteArray Chunk::encode() const
{
    return cbor({{QStringLiteral("transfer"), transfer}, {QStringLiteral("offset"), offset}, {QStringLiteral("data"), data}});
}

Result<Chunk> Chunk::decode(QByteArrayView payload)
{
    Fields f(payload);
    Chunk r;
    r.transfer = static_cast<quint32>(f.integer(QLatin1String("transfer"), 0, kMaxTransfer));
    r.offset = f.integer(QLatin1String("offset"), 0, kMaxFileSize);
    r.data = f.bytes(QLatin1String("data"));
    return f.result(r);
}

QByteArray ChunkPosition::encode() const
{
    QCborMap m{{QStringLiteral("transfer"), transfer}, {QStringLiteral("offset"), offset}};
    if (length > 0)
        m.insert(QStringLiteral("length"), length);
    return cbor(m);
}

Result<ChunkPosition> ChunkPosition::decode(QByteArrayView payload)
{
    Fields f(payload);
    ChunkPosition r;
    r.transfer = static_cast<quint32>(f.integer(QLatin1String("transfer"), 0, kMaxTransfer));
    r.offset = f.integer(QLatin1String("offset"), 0, kMaxFileSize);
    r.length = static_cast<int>(f.integer(QLatin1String("length"), 0, Frame::kMaxPayload, 0));
    return f.result(r);
}

QByteArray TransferEnd::encode() const
{
    return cbor({{QStringLiteral("transfer"), transfer}, {QStringLiteral("activate"), activate}});
}

Result<TransferEnd> TransferEnd::decode(QByteArrayView payload)
{
    Fields f(payload);
    TransferEnd r;
    r.transfer = static_cast<quint32>(f.integer(QLatin1String("transfer"), 0, kMaxTransfer));
    r.activate = f.boolean(QLatin1String("activate"), false);
    return f.result(r);
}

QByteArray CommitReply::encode() const
{
    return cbor({{QStringLiteral("file"), file}, {QStringLiteral("summary"), summary}, {QStringLiteral("active"), active}});
}

Result<CommitReply> CommitReply::decode(QByteArrayView payload)
{
    Fields f(payload);
    CommitReply r;
    r.file = f.text(QLatin1String("file"), kMaxText, true);
    r.summary = f.text(QLatin1String("summary"), kMaxText, false);
    r.active = f.boolean(QLatin1String("active"), false);
    return f.result(r);
}

QByteArray PullBegin::encode() const
{
    return cbor({{QStringLiteral("kind"), kindValue(kind)}, {QStringLiteral("name"), name}});
}

Result<PullBegin> PullBegin::decode(QByteArrayView payload)
{
    Fields f(payload);
    PullBegin r;
    r.kind = f.kind(QLatin1String("kind"));
    r.name = f.fileName(QLatin1String("name"), false);
    return f.result(r);
}

// Settings, audition

QByteArray SettingsMessage::encode() const
{
    return cbor({{QStringLiteral("settings"), settings}});
}

Result<SettingsMessage> SettingsMessage::decode(QByteArrayView payload)
{
    Fields f(payload);
    SettingsMessage r;
    r.settings = f.map(QLatin1String("settings"));
    return f.result(r);
}

QByteArray PlayRequest::encode() const
{
    return cbor({{QStringLiteral("slot"), slot}});
}

Result<PlayRequest> PlayRequest::decode(QByteArrayView payload)
{
    Fields f(payload);
    PlayRequest r;
    r.slot = static_cast<int>(f.integer(QLatin1String("slot"), 0, 1023));
    return f.result(r);
}

QByteArray PlayReply::encode() const
{
    return cbor({{QStringLiteral("slot"), slot}, {QStringLiteral("preset"), preset}});
}

Result<PlayReply> PlayReply::decode(QByteArrayView payload)
{
    Fields f(payload);
    PlayReply r;
    r.slot = static_cast<int>(f.integer(QLatin1String("slot"), 0, 1023));
    r.preset = f.text(QLatin1String("preset"), kMaxText, false);
    return f.result(r);
}

QByteArray CvOverride::encode() const
{
    if (!volts)
        return cbor({{QStringLiteral("volts"), nullptr}});
    QCborArray array;
    for (const double v : *volts)
        array.append(v);
    return cbor({{QStringLiteral("volts"), array}});
}

Result<CvOverride> CvOverride::decode(QByteArrayView payload)
{
    Fields f(payload);
    CvOverride r;
    // null (what encode() writes for nullopt) gives the inputs back, as does no "volts".
    if (f.has(QLatin1String("volts")) && !f.isNull(QLatin1String("volts"))) {
        const QCborArray array = f.array(QLatin1String("volts"), 4);
        if (f.errors().isEmpty() && !array.isEmpty()) {
            if (array.size() != 4)
                f.fail(QStringLiteral("volts"), QStringLiteral("%1 values where 4 are expected").arg(array.size()));
            std::array<double, 4> volts{};
            for (qsizetype i = 0; i < array.size() && i < 4; ++i) {
                const QCborValue v = array.at(i);
                if ((!v.isDouble() && !v.isInteger()) || !std::isfinite(v.toDouble()) || std::abs(v.toDouble()) > 12.0)
                    f.fail(QStringLiteral("volts[%1]").arg(i), QStringLiteral("not a voltage within ±12 V"));
                else
                    volts[static_cast<std::size_t>(i)] = v.toDouble();
            }
            r.volts = volts;
        }
    }
    return f.result(r);
}

QByteArray ErrorReply::encode() const
{
    QCborMap m{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (expected >= 0)
        m.insert(QStringLiteral("expected"), expected);
    if (newest > 0) {
        m.insert(QStringLiteral("oldest"), oldest);
        m.insert(QStringLiteral("newest"), newest);
    }
    return cbor(m);
}

Result<ErrorReply> ErrorReply::decode(QByteArrayView payload)
{
    Fields f(payload);
    ErrorReply r;
    r.code = f.text(QLatin1String("code"), 64, true);
    r.message = f.text(QLatin1String("message"), kMaxText, false);
    r.expected = f.integer(QLatin1String("expected"), 0, kMaxFileSize, -1);
    r.oldest = static_cast<int>(f.integer(QLatin1String("oldest"), 0, 65535, 0));
    r.newest = static_cast<int>(f.integer(QLatin1String("newest"), 0, 65535, 0));
    return f.result(r);
}

FieldErrors validatePayload(quint8 type, bool reply, QByteArrayView payload)
{
    const auto errors = [](const auto &result) { return result.errors(); };
    switch (static_cast<MessageType>(type)) {
    case MessageType::Hello:
        return reply ? errors(HelloReply::decode(payload)) : errors(HelloRequest::decode(payload));
    case MessageType::DeviceInfo:
        return reply ? errors(DeviceInfo::decode(payload)) : FieldErrors{};
    case MessageType::GetSettings:
        return reply ? errors(SettingsMessage::decode(payload)) : FieldErrors{};
    case MessageType::SetSettings:
        return reply ? FieldErrors{} : errors(SettingsMessage::decode(payload));
    case MessageType::PushBegin:
        return reply ? errors(TransferReply::decode(payload)) : errors(PushBegin::decode(payload));
    case MessageType::PushChunk:
        return reply ? errors(ChunkPosition::decode(payload)) : errors(Chunk::decode(payload));
    case MessageType::PushCommit:
        return reply ? errors(CommitReply::decode(payload)) : errors(TransferEnd::decode(payload));
    case MessageType::PushAbort:
        return reply ? FieldErrors{} : errors(TransferEnd::decode(payload));
    case MessageType::PullBegin:
        return reply ? errors(TransferReply::decode(payload)) : errors(PullBegin::decode(payload));
    case MessageType::PullChunk:
        return reply ? errors(Chunk::decode(payload)) : errors(ChunkPosition::decode(payload));
    case MessageType::Play:
        return reply ? errors(PlayReply::decode(payload)) : errors(PlayRequest::decode(payload));
    case MessageType::OverrideCv:
        return reply ? FieldErrors{} : errors(CvOverride::decode(payload));
    case MessageType::Error:
        return errors(ErrorReply::decode(payload));
    }
    return {{QString(), QStringLiteral("unknown message type 0x%1").arg(type, 2, 16, QLatin1Char('0'))}};
}

} // namespace neurorack
