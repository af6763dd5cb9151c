// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncserver.h"

#include "syncbackend.h"

#include "io/documentfile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QSerialPort>

Q_LOGGING_CATEGORY(lcSync, "neurorack.sync", QtInfoMsg)

namespace neurorack::runtime {

namespace {
QString versions(int oldest, int newest)
{
    return oldest == newest ? QString::number(oldest) : QStringLiteral("%1–%2").arg(oldest).arg(newest);
}
} // namespace

SyncServer::SyncServer(QString portName, QString stagingDir, SyncBackend &backend, QObject *parent)
    : QObject(parent)
    , m_portName(std::move(portName))
    , m_backend(backend)
    , m_store(std::move(stagingDir))
{
    m_reopen.setInterval(kReopenPeriod);
    connect(&m_reopen, &QTimer::timeout, this, &SyncServer::tryOpen);
    m_sinceDamagedReply.start();
}

SyncServer::~SyncServer()
{
    stop();
}

void SyncServer::start()
{
    m_store.clean();
    tryOpen();
    if (!m_port)
        m_reopen.start();
}

void SyncServer::stop()
{
    m_reopen.stop();
    if (m_port) {
        m_port->close();
        delete m_port;
    }
}

void SyncServer::setState(const QString &state)
{
    if (state == m_state)
        return;
    m_state = state;
    m_backend.linkStateChanged(state);
}

void SyncServer::tryOpen()
{
    if (m_port)
        return;
    auto *port = new QSerialPort(m_portName, this);
    if (!port->open(QIODevice::ReadWrite)) {
        if (!m_waitingLogged)
            qCInfo(lcSync).noquote() << "waiting for" << m_portName << QStringLiteral("(%1)").arg(port->errorString());
        m_waitingLogged = true;
        delete port;
        setState(QStringLiteral("waiting for %1").arg(m_portName));
        return;
    }
    port->setBaudRate(QSerialPort::Baud115200);
    port->setFlowControl(QSerialPort::NoFlowControl);
    port->clear();
    m_port = port;
    m_waitingLogged = false;
    m_reopen.stop();
    m_decoder.reset();
    m_hasLast = false;
    ++m_generation;
    connect(port, &QSerialPort::readyRead, this, &SyncServer::onReadyRead);
    connect(port, &QSerialPort::errorOccurred, this, [this](QSerialPort::SerialPortError error) {
        // A pty whose other end went away reports read errors; CDC-ACM a resource error.
        if (error == QSerialPort::ResourceError || error == QSerialPort::ReadError || error == QSerialPort::WriteError)
            closePort(m_port ? m_port->errorString() : QString());
    });
    qCInfo(lcSync).noquote() << "serving the sync protocol on" << m_portName;
    setState(QStringLiteral("ready on %1").arg(m_portName));
}

void SyncServer::closePort(const QString &why)
{
    if (!m_port)
        return;
    qCInfo(lcSync).noquote() << "link on" << m_portName << "lost" << QStringLiteral("(%1);").arg(why) << "waiting for it to come back";
    m_port->disconnect(this);
    m_port->close();
    m_port->deleteLater();
    m_port = nullptr;
    ++m_stats.reconnects;
    ++m_generation;
    m_pull.reset();
    // A host that held the CVs is gone: the panel plays them again.
    m_backend.overrideCv(std::nullopt);
    setState(QStringLiteral("waiting for %1").arg(m_portName));
    m_reopen.start();
}

void SyncServer::onReadyRead()
{
    if (!m_port)
        return;
    const QByteArray bytes = m_port->readAll();
    m_stats.bytesIn += bytes.size();
    const QList<Frame> frames = m_decoder.feed(bytes);
    if (const int faults = m_decoder.takeFaults(); faults > 0) {
        m_stats.faults += static_cast<quint64>(faults);
        qCDebug(lcSync).noquote() << faults << "damaged frame(s):" << m_decoder.lastFault();
        // Tell the host at once (it sends its request again), but never flood it back.
        if (m_sinceDamagedReply.elapsed() >= kDamagedGap.count()) {
            m_sinceDamagedReply.restart();
            send(Frame{static_cast<quint8>(MessageType::Error), Frame::kReplyFlag, 0,
                       ErrorReply{ErrorCode::kDamagedFrame, QStringLiteral("a frame arrived damaged (%1)").arg(m_decoder.lastFault())}.encode()}
                     .encode());
        }
    }
    for (const Frame &frame : frames)
        handle(frame);
}

void SyncServer::send(const QByteArray &wire)
{
    if (!m_port)
        return;
    if (m_port->bytesToWrite() > kMaxPendingOutput) {
        ++m_stats.dropped;
        if (!m_droppingLogged)
            qCWarning(lcSync) << "the host does not read its replies: dropping them";
        m_droppingLogged = true;
        return;
    }
    m_droppingLogged = false;
    m_port->write(wire);
    m_stats.bytesOut += wire.size();
}

void SyncServer::reply(const Frame &request, QByteArray payload)
{
    m_hasLast = true;
    m_lastSeq = request.seq;
    m_lastType = request.type;
    m_lastReply = Frame{request.type, Frame::kReplyFlag, request.seq, std::move(payload)}.encode();
    send(m_lastReply);
}

void SyncServer::refuse(const Frame &request, const Refusal &refusal)
{
    qCInfo(lcSync).noquote() << messageName(request.type) << "refused:" << refusal.code << refusal.message;
    ErrorReply error{refusal.code, refusal.message, refusal.expected};
    if (refusal.code == ErrorCode::kVersionMismatch) {
        error.oldest = Protocol::kOldestVersion;
        error.newest = Protocol::kVersion;
    }
    m_hasLast = true;
    m_lastSeq = request.seq;
    m_lastType = request.type;
    m_lastReply = Frame{static_cast<quint8>(MessageType::Error), Frame::kReplyFlag, request.seq, error.encode()}.encode();
    send(m_lastReply);
}

void SyncServer::handle(const Frame &frame)
{
    if (frame.isReply())
        return; // the host never answers; a looped-back line echoes our own replies
    ++m_stats.requests;
    const auto type = static_cast<MessageType>(frame.type);
    if (type != MessageType::Hello && m_hasLast && frame.seq == m_lastSeq && frame.type == m_lastType) {
        ++m_stats.repeats;
        send(m_lastReply);
        return;
    }
    if (m_pendingSeq && type != MessageType::Hello && type != MessageType::DeviceInfo) {
        if (*m_pendingSeq != frame.seq)
            refuse(frame, {ErrorCode::kBusy, QStringLiteral("the module is still checking the last file")});
        return;
    }
    const FieldErrors invalid = validatePayload(frame.type, false, frame.payload);
    if (!invalid.isEmpty()) {
        const bool unknown = invalid.first().path.isEmpty() && invalid.first().message.startsWith(QLatin1String("unknown message"));
        refuse(frame, {unknown ? ErrorCode::kUnknownMessage : ErrorCode::kBadRequest,
                       QStringLiteral("%1: %2").arg(messageName(frame.type), joinErrors(invalid))});
        return;
    }
    switch (type) {
    case MessageType::Hello:
        hello(frame);
        return;
    case MessageType::DeviceInfo: {
        DeviceInfo info = m_backend.deviceInfo();
        info.protocol = m_version;
        reply(frame, info.encode());
        return;
    }
    case MessageType::GetSettings:
        reply(frame, SettingsMessage{m_backend.settings()}.encode());
        return;
    case MessageType::SetSettings: {
        const auto changed = m_backend.changeSettings(SettingsMessage::decode(frame.payload)->settings);
        if (!changed)
            refuse(frame, changed.refusal());
        else
            reply(frame, emptyPayload());
        return;
    }
    case MessageType::PushBegin:
        pushBegin(frame);
        return;
    case MessageType::PushChunk:
        pushChunk(frame);
        return;
    case MessageType::PushCommit:
        pushCommit(frame);
        return;
    case MessageType::PushAbort:
        pushAbort(frame);
        return;
    case MessageType::PullBegin:
        pullBegin(frame);
        return;
    case MessageType::PullChunk:
        pullChunk(frame);
        return;
    case MessageType::Play: {
        const auto played = m_backend.play(PlayRequest::decode(frame.payload)->slot);
        if (!played)
            refuse(frame, played.refusal());
        else
            reply(frame, played->encode());
        return;
    }
    case MessageType::OverrideCv:
        m_backend.overrideCv(CvOverride::decode(frame.payload)->volts);
        reply(frame, emptyPayload());
        return;
    case MessageType::Error:
        break;
    }
    refuse(frame, {ErrorCode::kUnknownMessage, QStringLiteral("%1 is not a request").arg(messageName(frame.type))});
}

void SyncServer::hello(const Frame &frame)
{
    const HelloRequest request = *HelloRequest::decode(frame.payload);
    const int version = std::min(request.newest, Protocol::kVersion);
    if (version < std::max(request.oldest, Protocol::kOldestVersion)) {
        const bool hostOlder = request.newest < Protocol::kOldestVersion;
        refuse(frame, {ErrorCode::kVersionMismatch,
                       QStringLiteral("this module (neurorack-runtime %1) speaks protocol %2 and %3 speaks %4: %5")
                           .arg(QCoreApplication::applicationVersion(), versions(Protocol::kOldestVersion, Protocol::kVersion),
                                request.software.isEmpty() ? QStringLiteral("the host") : request.software,
                                versions(request.oldest, request.newest),
                                hostOlder ? QStringLiteral("update Neurorack Studio or the neurorack tool")
                                          : QStringLiteral("update the module's neurorack-runtime"))});
        return;
    }
    qCInfo(lcSync).noquote() << "HELLO from" << (request.software.isEmpty() ? QStringLiteral("a host") : request.software)
                             << "- protocol" << version;
    m_version = version;
    setState(QStringLiteral("connected: %1").arg(request.software));
    reply(frame, HelloReply{version, QStringLiteral("neurorack-runtime %1").arg(QCoreApplication::applicationVersion()), Frame::kMaxPayload}.encode());
}

void SyncServer::pushBegin(const Frame &frame)
{
    const PushBegin request = *PushBegin::decode(frame.payload);
    auto staged = m_store.begin(request, m_backend.freeBytes());
    if (!staged) {
        refuse(frame, staged.refusal());
        return;
    }
    qCInfo(lcSync).noquote() << "receiving" << transferKindKey(request.kind) << request.name << request.size << "bytes"
                             << (staged->offset > 0 ? QStringLiteral("(resuming at %1)").arg(staged->offset) : QString());
    reply(frame, TransferReply{staged->id, staged->offset, staged->size, {}, staged->chunk}.encode());
}

void SyncServer::pushChunk(const Frame &frame)
{
    const Chunk chunk = *Chunk::decode(frame.payload);
    const auto end = m_store.append(chunk.transfer, chunk.offset, chunk.data);
    if (!end)
        refuse(frame, end.refusal());
    else
        reply(frame, ChunkPosition{chunk.transfer, *end, 0}.encode());
}

void SyncServer::pushCommit(const Frame &frame)
{
    const TransferEnd request = *TransferEnd::decode(frame.payload);
    const auto staged = m_store.verify(request.transfer);
    if (!staged) {
        refuse(frame, staged.refusal());
        return;
    }
    if (staged->kind == TransferKind::Bank) {
        auto bytes = DocumentFile::readFile(staged->path);
        m_store.finish(staged->id);
        if (!bytes) {
            refuse(frame, {ErrorCode::kStorage, bytes.errorString()});
            return;
        }
        const auto committed = m_backend.commitBank(staged->name, *bytes, request.activate);
        if (!committed)
            refuse(frame, committed.refusal());
        else
            reply(frame, committed->encode());
        return;
    }
    // A model is loaded and run once before it is accepted: that takes a while, off
    // this thread. Repeats of this request meanwhile are ignored.
    m_pendingSeq = frame.seq;
    const quint64 generation = m_generation;
    const quint32 id = staged->id;
    QPointer<SyncServer> self(this);
    m_backend.commitModel(staged->name, staged->path, request.activate, [self, frame, generation, id](Answer<CommitReply> committed) {
        if (!self)
            return;
        self->m_pendingSeq.reset();
        self->m_store.finish(id);
        if (generation != self->m_generation)
            return; // the link went away meanwhile: the host asks again and gets unknown_transfer… or its file
        if (!committed)
            self->refuse(frame, committed.refusal());
        else
            self->reply(frame, committed->encode());
    });
}

void SyncServer::pushAbort(const Frame &frame)
{
    m_store.finish(TransferEnd::decode(frame.payload)->transfer);
    reply(frame, emptyPayload());
}

void SyncServer::pullBegin(const Frame &frame)
{
    const PullBegin request = *PullBegin::decode(frame.payload);
    QString name = request.name;
    Pull pull;
    if (request.kind == TransferKind::Bank) {
        auto bytes = m_backend.bankBytes(&name);
        if (!bytes) {
            refuse(frame, bytes.refusal());
            return;
        }
        pull.bytes = *bytes;
    } else {
        auto path = m_backend.modelPath(&name);
        if (!path) {
            refuse(frame, path.refusal());
            return;
        }
        QFile file(*path);
        if (!file.open(QIODevice::ReadOnly)) {
            refuse(frame, {ErrorCode::kStorage, QStringLiteral("cannot read %1: %2").arg(name, file.errorString())});
            return;
        }
        pull.bytes = file.readAll();
    }
    pull.id = m_nextPullId++;
    pull.name = name;
    const QByteArray hash = QCryptographicHash::hash(pull.bytes, QCryptographicHash::Sha256);
    qCInfo(lcSync).noquote() << "sending" << transferKindKey(request.kind) << name << pull.bytes.size() << "bytes";
    reply(frame, TransferReply{pull.id, 0, pull.bytes.size(), hash, TransferStore::kDefaultChunk}.encode());
    m_pull = std::move(pull);
}

void SyncServer::pullChunk(const Frame &frame)
{
    const ChunkPosition position = *ChunkPosition::decode(frame.payload);
    if (!m_pull || m_pull->id != position.transfer) {
        refuse(frame, {ErrorCode::kUnknownTransfer, QStringLiteral("no transfer %1 (start it again with PULL_BEGIN)").arg(position.transfer)});
        return;
    }
    if (position.offset >= m_pull->bytes.size()) {
        refuse(frame, {ErrorCode::kBadRequest, QStringLiteral("byte %1 is past the end of %2 (%3 bytes)").arg(position.offset).arg(m_pull->name).arg(m_pull->bytes.size())});
        return;
    }
    const int length = std::min(position.length > 0 ? position.length : TransferStore::kDefaultChunk, TransferStore::kDefaultChunk);
    reply(frame, Chunk{position.transfer, position.offset, m_pull->bytes.mid(position.offset, length)}.encode());
}

} // namespace neurorack::runtime
