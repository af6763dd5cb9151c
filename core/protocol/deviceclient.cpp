// SPDX-License-Identifier: GPL-3.0-or-later
#include "deviceclient.h"

#include "io/documentcodec.h"
#include "io/documentfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QSerialPort>
#include <QSerialPortInfo>

#include <QCoro/QCoroIODevice>

Q_LOGGING_CATEGORY(lcProtocol, "neurorack.protocol", QtInfoMsg)

namespace neurorack {

namespace {
using namespace std::chrono_literals;

/// The port is polled for a pulled cable at least this often while a reply is awaited.
constexpr std::chrono::milliseconds kLinkCheck{100};
// GCC 12's coroutines have two traps this file steps around: aggregate temporaries
// that live across a co_await are destroyed twice (payloads are built into named
// locals first), and a co_return of a value that converts to the Task's type can
// leave the awaiting caller waiting forever (results are returned as SyncResult).

/// The largest file a pull accepts (the module's limit for models).
constexpr qint64 kMaxPullBytes = 1024LL * 1024 * 1024;
/// Offset corrections a push accepts before it calls the module confused.
constexpr int kMaxRewinds = 64;

QString range(int oldest, int newest)
{
    return oldest == newest ? QString::number(oldest) : QStringLiteral("%1–%2").arg(oldest).arg(newest);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}
} // namespace

DeviceClient::DeviceClient(QObject *parent)
    : QObject(parent)
    , m_software(QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion()))
{
}

DeviceClient::~DeviceClient()
{
    close();
}

QList<ModulePort> DeviceClient::findModules()
{
    QList<ModulePort> found;
    const auto ports = QSerialPortInfo::availablePorts();
    for (const QSerialPortInfo &info : ports) {
        if (info.hasVendorIdentifier() && info.hasProductIdentifier() && info.vendorIdentifier() == Protocol::kUsbVendorId
            && info.productIdentifier() == Protocol::kUsbProductId)
            found.append({info.portName(), info.systemLocation(), info.description(), info.serialNumber()});
    }
    return found;
}

void DeviceClient::setProtocolRange(int oldest, int newest)
{
    m_oldest = oldest;
    m_newest = newest;
}

bool DeviceClient::isOpen() const
{
    return m_port && m_port->isOpen();
}

void DeviceClient::close()
{
    if (m_port) {
        m_port->close();
        m_port->deleteLater();
        m_port = nullptr;
    }
    m_decoder.reset();
    m_received.clear();
}

QCoro::Task<SyncResult<HelloReply>> DeviceClient::open(const QString &port)
{
    close();
    m_portName = port;
    m_stats = {};
    m_port = new QSerialPort(this);
    m_port->setPortName(port);
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString why = m_port->errorString();
        const bool denied = m_port->error() == QSerialPort::PermissionError;
        close();
        co_return SyncError{SyncFailure::PortUnavailable,
                            QStringLiteral("cannot open %1: %2%3").arg(port, why,
                                denied ? QStringLiteral(" (add yourself to the dialout group, or install hardware/60-neurorack.rules)") : QString())};
    }
    // CDC-ACM ignores the line settings; a real UART (or a pty) gets the usual 8N1, raw.
    m_port->setBaudRate(QSerialPort::Baud115200);
    m_port->setDataBits(QSerialPort::Data8);
    m_port->setParity(QSerialPort::NoParity);
    m_port->setStopBits(QSerialPort::OneStop);
    m_port->setFlowControl(QSerialPort::NoFlowControl);
    m_port->clear();
    // A lone delimiter ends whatever half frame an earlier session left on the module's side.
    m_port->write(QByteArray(1, '\0'));
    // Sequence numbers start somewhere new, so that the module never takes this
    // session's first request for a repeat of the last one it answered.
    m_seq = static_cast<quint32>(QDateTime::currentMSecsSinceEpoch() * 7919);

    const QByteArray helloPayload = HelloRequest{m_oldest, m_newest, m_software}.encode();
    const auto reply = co_await request(MessageType::Hello, helloPayload);
    if (!reply) {
        SyncError error = reply.error();
        if (error.failure == SyncFailure::NoAnswer)
            error.message = QStringLiteral("no module answers on %1 (is neurorack-runtime running with --serial on the other end?)").arg(port);
        close();
        co_return error;
    }
    auto decoded = decodeReply<HelloReply>(MessageType::Hello, reply);
    if (!decoded) {
        close();
        co_return decoded.error();
    }
    if (decoded->version < m_oldest || decoded->version > m_newest) {
        close();
        co_return SyncError{SyncFailure::VersionMismatch,
                            QStringLiteral("the module chose protocol %1, which this program (protocol %2) does not speak")
                                .arg(decoded->version)
                                .arg(range(m_oldest, m_newest))};
    }
    m_hello = *decoded;
    qCDebug(lcProtocol).noquote() << "connected to" << m_hello.software << "on" << port << "protocol" << m_hello.version;
    co_return decoded;
}

SyncError DeviceClient::errorFrom(const ErrorReply &reply) const
{
    if (reply.code == ErrorCode::kVersionMismatch) {
        const bool moduleOlder = reply.newest > 0 && reply.newest < m_oldest;
        return {SyncFailure::VersionMismatch,
                QStringLiteral("the module speaks protocol %1 and this program %2: %3")
                    .arg(range(reply.oldest, reply.newest), range(m_oldest, m_newest),
                         moduleOlder ? QStringLiteral("update the module's neurorack-runtime")
                                     : QStringLiteral("update this program (Neurorack Studio or the neurorack tool)"))};
    }
    if (reply.code == ErrorCode::kHashMismatch)
        return {SyncFailure::Corrupted, QStringLiteral("the module: %1").arg(reply.message)};
    return {SyncFailure::Rejected, QStringLiteral("the module refused: %1").arg(reply.message)};
}

template<typename T>
SyncResult<T> DeviceClient::decodeReply(MessageType type, const SyncResult<QByteArray> &reply) const
{
    if (!reply)
        return reply.error();
    auto decoded = T::decode(*reply);
    if (!decoded)
        return SyncError{SyncFailure::Protocol,
                         QStringLiteral("the module's %1 reply does not decode: %2").arg(messageName(static_cast<quint8>(type)), decoded.errorString())};
    return std::move(decoded).value();
}

QCoro::Task<SyncResult<QByteArray>> DeviceClient::request(MessageType type, QByteArray payload, std::chrono::milliseconds patience)
{
    const QString name = messageName(static_cast<quint8>(type));
    if (!isOpen())
        co_return SyncError{SyncFailure::LinkLost, QStringLiteral("not connected to a module")};
    if (payload.size() > Frame::kMaxPayload)
        co_return SyncError{SyncFailure::Protocol, QStringLiteral("%1 of %2 bytes is over the frame limit").arg(name).arg(payload.size())};
    const std::chrono::milliseconds timeout = m_replyTimeout;
    const int attempts = std::max<int>(m_attempts, static_cast<int>(patience / timeout));
    const quint32 seq = ++m_seq;
    m_lastError = {};
    const QByteArray wire = Frame{static_cast<quint8>(type), 0, seq, std::move(payload)}.encode();
    QPointer<QSerialPort> port = m_port;

    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0) {
            ++m_stats.retransmissions;
            qCDebug(lcProtocol).noquote() << "sending" << name << seq << "again, try" << attempt + 1;
        }
        port->write(wire);
        m_stats.bytesSent += wire.size();
        const QDeadlineTimer deadline(timeout);
        bool again = false;
        while (!again) {
            // Replies that are already here: ours ends the wait; late replies to
            // earlier tries or requests are dropped.
            while (!m_received.isEmpty()) {
                const Frame frame = m_received.takeFirst();
                if (!frame.isReply())
                    continue;
                if (frame.type == static_cast<quint8>(MessageType::Error)) {
                    auto error = ErrorReply::decode(frame.payload);
                    if (!error)
                        continue;
                    if (error->code == ErrorCode::kDamagedFrame) {
                        again = true; // our request arrived damaged: no need to wait out the timeout
                        continue;
                    }
                    if (frame.seq != seq)
                        continue;
                    m_lastError = *error;
                    co_return errorFrom(*error);
                }
                if (frame.seq != seq)
                    continue;
                if (frame.type != static_cast<quint8>(type))
                    co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module answered %1 with %2").arg(name, messageName(frame.type))};
                co_return frame.payload;
            }
            if (again)
                break;
            if (!port || !port->isOpen() || (port->error() != QSerialPort::NoError && port->error() != QSerialPort::TimeoutError)) {
                const QString why = port ? port->errorString() : QStringLiteral("port closed");
                close();
                co_return SyncError{SyncFailure::LinkLost, QStringLiteral("the link to the module was lost during %1 (%2)").arg(name, why)};
            }
            if (deadline.hasExpired())
                break;
            const auto slice = std::min<std::chrono::milliseconds>(kLinkCheck, std::chrono::milliseconds(std::max<qint64>(1, deadline.remainingTime())));
            if (port->bytesAvailable() == 0)
                co_await qCoro(static_cast<QIODevice *>(port.data())).waitForReadyRead(slice);
            if (!port)
                continue;
            const QByteArray bytes = port->readAll();
            m_stats.bytesReceived += bytes.size();
            m_received.append(m_decoder.feed(bytes));
            if (m_decoder.takeFaults() > 0) {
                // A reply arrived damaged: ask again at once (the module resends its cached reply).
                m_stats.faults = m_decoder.faultCount();
                qCDebug(lcProtocol).noquote() << "damaged frame from the module:" << m_decoder.lastFault();
                if (m_received.isEmpty())
                    again = true;
            }
        }
        if (m_cancelled && type != MessageType::PushAbort)
            co_return SyncError{SyncFailure::Cancelled, QStringLiteral("cancelled")};
    }
    co_return SyncError{SyncFailure::NoAnswer,
                        QStringLiteral("the module does not answer %1 (%2 tries, %3 ms apart)").arg(name).arg(attempts).arg(timeout.count())};
}

QCoro::Task<SyncResult<DeviceInfo>> DeviceClient::info()
{
    const auto reply = co_await request(MessageType::DeviceInfo, emptyPayload());
    co_return decodeReply<DeviceInfo>(MessageType::DeviceInfo, reply);
}

QCoro::Task<SyncResult<QCborMap>> DeviceClient::settings()
{
    const auto raw = co_await request(MessageType::GetSettings, emptyPayload());
    auto reply = decodeReply<SettingsMessage>(MessageType::GetSettings, raw);
    if (!reply)
        co_return reply.error();
    co_return reply->settings;
}

QCoro::Task<SyncStatus> DeviceClient::changeSettings(const QCborMap &changes)
{
    const QByteArray payload = SettingsMessage{changes}.encode();
    const auto reply = co_await request(MessageType::SetSettings, payload);
    if (!reply)
        co_return reply.error();
    co_return SyncStatus(std::monostate{});
}

QCoro::Task<SyncResult<CommitReply>> DeviceClient::push(TransferKind kind, const QString &name, const QByteArray &bytes, bool activate)
{
    m_cancelled = false;
    const QByteArray hash = sha256(bytes);
    const qint64 size = bytes.size();
    // A module that finds the staged bytes damaged discards them: then once more from the start.
    for (int round = 0; round < 2; ++round) {
        const QByteArray beginPayload = PushBegin{kind, name, size, hash, m_chunkSize}.encode();
        const auto beginReply = co_await request(MessageType::PushBegin, beginPayload);
        auto begun = decodeReply<TransferReply>(MessageType::PushBegin, beginReply);
        if (!begun)
            co_return begun.error();
        const quint32 transfer = begun->transfer;
        const int chunk = std::clamp(begun->chunk, 1, Frame::kMaxPayload - 64);
        qint64 offset = begun->offset;
        if (offset > size)
            co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module resumes at byte %1 of %2").arg(offset).arg(size)};
        if (offset > 0)
            qCDebug(lcProtocol).noquote() << "resuming" << name << "at byte" << offset << "of" << size;
        Q_EMIT progress(offset, size);
        int rewinds = 0;
        while (offset < size) {
            if (m_cancelled) {
                const QByteArray abortPayload = TransferEnd{transfer, false}.encode();
                co_await request(MessageType::PushAbort, abortPayload);
                co_return SyncError{SyncFailure::Cancelled, QStringLiteral("cancelled: %1 stays as it was on the module").arg(name)};
            }
            const QByteArray data = bytes.mid(offset, chunk);
            const QByteArray chunkPayload = Chunk{transfer, offset, data}.encode();
            const auto reply = co_await request(MessageType::PushChunk, chunkPayload);
            if (!reply && m_lastError.code == ErrorCode::kOffsetMismatch && m_lastError.expected >= 0
                && m_lastError.expected <= size && ++rewinds <= kMaxRewinds) {
                offset = m_lastError.expected;
                m_lastError = {};
                continue;
            }
            auto position = decodeReply<ChunkPosition>(MessageType::PushChunk, reply);
            if (!position)
                co_return position.error();
            if (position->offset != offset + data.size())
                co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module is at byte %1 after a chunk that ends at %2").arg(position->offset).arg(offset + data.size())};
            offset = position->offset;
            m_stats.payloadSent += data.size();
            Q_EMIT progress(offset, size);
        }
        const QByteArray commitPayload = TransferEnd{transfer, activate}.encode();
        const auto commitReply = co_await request(MessageType::PushCommit, commitPayload, kCommitTimeout);
        auto committed = decodeReply<CommitReply>(MessageType::PushCommit, commitReply);
        if (!committed && committed.error().failure == SyncFailure::Corrupted && round == 0) {
            qCWarning(lcProtocol).noquote() << committed.error().message << "; sending" << name << "again";
            continue;
        }
        co_return committed;
    }
    co_return SyncError{SyncFailure::Corrupted, QStringLiteral("%1 arrived damaged twice").arg(name)}; // not reached: round 1 returns
}

QCoro::Task<SyncResult<QByteArray>> DeviceClient::pull(TransferKind kind, const QString &name)
{
    m_cancelled = false;
    const QByteArray beginPayload = PullBegin{kind, name}.encode();
    const auto beginReply = co_await request(MessageType::PullBegin, beginPayload);
    auto begun = decodeReply<TransferReply>(MessageType::PullBegin, beginReply);
    if (!begun)
        co_return begun.error();
    const qint64 size = begun->size;
    if (size > kMaxPullBytes)
        co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module offers %1 bytes, more than a bank or model may have").arg(size)};
    QByteArray bytes;
    bytes.reserve(size);
    Q_EMIT progress(0, size);
    while (bytes.size() < size) {
        if (m_cancelled)
            co_return SyncError{SyncFailure::Cancelled, QStringLiteral("cancelled")};
        const int chunkSize = m_chunkSize > 0 ? std::min(m_chunkSize, begun->chunk) : begun->chunk;
        const int length = static_cast<int>(std::min<qint64>(chunkSize, size - bytes.size()));
        const QByteArray chunkPayload = ChunkPosition{begun->transfer, bytes.size(), length}.encode();
        const auto chunkReply = co_await request(MessageType::PullChunk, chunkPayload);
        auto chunk = decodeReply<Chunk>(MessageType::PullChunk, chunkReply);
        if (!chunk)
            co_return chunk.error();
        if (chunk->offset != bytes.size() || chunk->data.isEmpty() || chunk->data.size() > length)
            co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module sent bytes %1…%2 when %3…%4 were asked for")
                                                            .arg(chunk->offset).arg(chunk->offset + chunk->data.size())
                                                            .arg(bytes.size()).arg(bytes.size() + length)};
        bytes.append(chunk->data);
        m_stats.payloadReceived += chunk->data.size();
        Q_EMIT progress(bytes.size(), size);
    }
    if (sha256(bytes) != begun->sha256)
        co_return SyncError{SyncFailure::Corrupted, QStringLiteral("%1 arrived damaged (its SHA-256 differs from the module's): pull it again")
                                                        .arg(name.isEmpty() ? transferKindKey(kind) : name)};
    co_return bytes;
}

QCoro::Task<SyncResult<CommitReply>> DeviceClient::pushBank(const QString &name, const Bank &bank, bool activate)
{
    const QByteArray bytes = DocumentFile::serialize(DocumentCodec::encodeBank(bank), Encoding::Cbor);
    auto reply = co_await push(TransferKind::Bank, name, bytes, activate);
    co_return reply;
}

QCoro::Task<SyncResult<Bank>> DeviceClient::pullBank(const QString &name)
{
    auto bytes = co_await pull(TransferKind::Bank, name);
    if (!bytes)
        co_return bytes.error();
    auto bank = DocumentFile::bankFromBytes(*bytes);
    if (!bank)
        co_return SyncError{SyncFailure::Protocol, QStringLiteral("the module's bank is not valid: %1").arg(bank.errorString())};
    co_return std::move(bank).value();
}

QCoro::Task<SyncResult<PlayReply>> DeviceClient::play(int slot)
{
    const QByteArray payload = PlayRequest{slot}.encode();
    const auto reply = co_await request(MessageType::Play, payload);
    co_return decodeReply<PlayReply>(MessageType::Play, reply);
}

QCoro::Task<SyncStatus> DeviceClient::overrideCv(std::optional<std::array<double, 4>> volts)
{
    const QByteArray payload = CvOverride{volts}.encode();
    const auto reply = co_await request(MessageType::OverrideCv, payload);
    if (!reply)
        co_return reply.error();
    co_return SyncStatus(std::monostate{});
}

} // namespace neurorack
