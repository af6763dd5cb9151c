// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"

#include <QByteArray>
#include <QCborMap>
#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace neurorack {

/// What the USB link's messages mean (docs/protocol.md, "Messages"). Every payload is
/// a CBOR map with text keys; each struct here encodes itself and decodes (and
/// validates) bytes from the other side, naming the offending field on error.
struct Protocol {
    /// The message set this build speaks; HELLO settles on one both sides know.
    static constexpr int kVersion = 1;
    static constexpr int kOldestVersion = 1;
    /// The USB ids a module enumerates with (hardware/usb-gadget.sh).
    static constexpr quint16 kUsbVendorId = 0x1209;
    static constexpr quint16 kUsbProductId = 0x4E52;
    /// Names of banks and models on the module: a plain file name.
    static constexpr int kMaxNameLength = 96;
};

enum class MessageType : quint8 {
    Hello = 0x01,
    DeviceInfo = 0x02,
    GetSettings = 0x03,
    SetSettings = 0x04,
    PushBegin = 0x10,
    PushChunk = 0x11,
    PushCommit = 0x12,
    PushAbort = 0x13,
    PullBegin = 0x18,
    PullChunk = 0x19,
    Play = 0x20,
    OverrideCv = 0x21,
    Error = 0x7F, ///< a reply saying why a request failed (ErrorReply)
};
/// "PUSH_CHUNK", or "message 0x42" for a type this build does not know.
QString messageName(quint8 type);

/// What a transfer moves.
enum class TransferKind { Bank, Model };
QString transferKindKey(TransferKind kind);

/// Why a request failed: ErrorReply::code.
namespace ErrorCode {
inline constexpr auto kDamagedFrame = QLatin1String("damaged_frame");     ///< the last frame did not arrive intact: send it again
inline constexpr auto kVersionMismatch = QLatin1String("version_mismatch");
inline constexpr auto kBadRequest = QLatin1String("bad_request");         ///< a payload that does not decode
inline constexpr auto kUnknownMessage = QLatin1String("unknown_message");
inline constexpr auto kNoSuchFile = QLatin1String("no_such_file");
inline constexpr auto kNoSpace = QLatin1String("no_space");
inline constexpr auto kTooLarge = QLatin1String("too_large");
inline constexpr auto kUnknownTransfer = QLatin1String("unknown_transfer");
inline constexpr auto kOffsetMismatch = QLatin1String("offset_mismatch"); ///< `expected` says where to go on
inline constexpr auto kHashMismatch = QLatin1String("hash_mismatch");     ///< staged bytes discarded: start again
inline constexpr auto kInvalidContent = QLatin1String("invalid_content"); ///< not a valid bank or model
inline constexpr auto kStorage = QLatin1String("storage");                ///< the module could not write
inline constexpr auto kBusy = QLatin1String("busy");
} // namespace ErrorCode

struct HelloRequest {
    int oldest = Protocol::kOldestVersion;
    int newest = Protocol::kVersion;
    QString software; ///< "neurorack 0.1.0": for the module's log
    QByteArray encode() const;
    static Result<HelloRequest> decode(QByteArrayView payload);
};

struct HelloReply {
    int version = Protocol::kVersion; ///< the version both speak from now on
    QString software;                 ///< "neurorack-runtime 0.1.0"
    int maxPayload = 0;
    QByteArray encode() const;
    static Result<HelloReply> decode(QByteArrayView payload);
};

/// A file on the module, as DEVICE_INFO lists it.
struct DeviceFile {
    QString file;      ///< "factory.json"
    qint64 bytes = 0;
    QString name;      ///< a bank's name or a model's "name version"
    int presets = -1;  ///< banks only
};

/// DEVICE_INFO's reply: what the module is and holds.
struct DeviceInfo {
    QString runtime;     ///< "neurorack-runtime 0.1.0"
    int protocol = 0;
    QString model;       ///< the playing model, "neurorack-impact 0.2.0"
    QString modelFile;
    QString modelDevice; ///< "cpu" or "cuda"
    QString bankFile;    ///< the playing bank
    QString bankName;
    int slot = 0;
    QList<DeviceFile> banks;
    QList<DeviceFile> models;
    qint64 freeBytes = 0;
    qint64 totalBytes = 0;
    double volumeDb = 0.0;
    qint64 uptimeS = 0;
    qint64 triggers = 0;
    qint64 xruns = 0;
    qint64 renders = 0;
    double renderMs = 0.0;
    double cpuPercent = 0.0;
    double temperatureC = 0.0;
    QByteArray encode() const;
    static Result<DeviceInfo> decode(QByteArrayView payload);
};

/// Starts (or resumes) sending a file to the module.
struct PushBegin {
    TransferKind kind = TransferKind::Bank;
    QString name;       ///< the file name it will have on the module
    qint64 size = 0;
    QByteArray sha256;  ///< of all @c size bytes: checked before the commit
    int chunk = 0;      ///< the chunk size the sender would like; 0: the module's choice
    QByteArray encode() const;
    static Result<PushBegin> decode(QByteArrayView payload);
};

/// PUSH_BEGIN's and PULL_BEGIN's reply.
struct TransferReply {
    quint32 transfer = 0; ///< names the transfer in what follows
    qint64 offset = 0;    ///< push: bytes already staged (resume from here)
    qint64 size = 0;      ///< pull: the file's size
    QByteArray sha256;    ///< pull: the file's hash
    int chunk = 0;        ///< bytes per chunk
    QByteArray encode() const;
    static Result<TransferReply> decode(QByteArrayView payload);
};

/// PUSH_CHUNK (request, with data) and PULL_CHUNK (reply, with data).
struct Chunk {
    quint32 transfer = 0;
    qint64 offset = 0;
    QByteArray data;
    QByteArray encode() const;
    static Result<Chunk> decode(QByteArrayView payload);
};

/// PUSH_CHUNK's reply and PULL_CHUNK's request: where the next chunk starts.
struct ChunkPosition {
    quint32 transfer = 0;
    qint64 offset = 0;
    int length = 0; ///< pull: how many bytes to send
    QByteArray encode() const;
    static Result<ChunkPosition> decode(QByteArrayView payload);
};

/// PUSH_COMMIT and PUSH_ABORT.
struct TransferEnd {
    quint32 transfer = 0;
    bool activate = false; ///< commit: play this bank or model from now on
    QByteArray encode() const;
    static Result<TransferEnd> decode(QByteArrayView payload);
};

/// PUSH_COMMIT's reply.
struct CommitReply {
    QString file;    ///< where it went, "banks/live.json"
    QString summary; ///< "bank \"Live\", 128 presets"
    bool active = false;
    QByteArray encode() const;
    static Result<CommitReply> decode(QByteArrayView payload);
};

struct PullBegin {
    TransferKind kind = TransferKind::Bank;
    QString name; ///< empty: the playing bank (or model)
    QByteArray encode() const;
    static Result<PullBegin> decode(QByteArrayView payload);
};

/// GET_SETTINGS' reply and SET_SETTINGS' request: the module's settings as a map
/// (docs/runtime.md, settings.json); SET_SETTINGS sends only what changes.
struct SettingsMessage {
    QCborMap settings;
    QByteArray encode() const;
    static Result<SettingsMessage> decode(QByteArrayView payload);
};

/// PLAY: plays a slot of the playing bank, as a gate would.
struct PlayRequest {
    int slot = 0;
    QByteArray encode() const;
    static Result<PlayRequest> decode(QByteArrayView payload);
};

struct PlayReply {
    int slot = 0;
    QString preset;
    QByteArray encode() const;
    static Result<PlayReply> decode(QByteArrayView payload);
};

/// OVERRIDE_CV: the app's sliders stand in for the four CV inputs; nullopt gives them
/// back to the panel.
struct CvOverride {
    std::optional<std::array<double, 4>> volts;
    QByteArray encode() const;
    static Result<CvOverride> decode(QByteArrayView payload);
};

/// ERROR: why a request failed.
struct ErrorReply {
    QString code;     ///< one of ErrorCode
    QString message;  ///< for people: what and where
    qint64 expected = -1; ///< offset_mismatch: where the module wants to go on
    int oldest = 0;   ///< version_mismatch: the versions the module speaks
    int newest = 0;
    QByteArray encode() const;
    static Result<ErrorReply> decode(QByteArrayView payload);
};

/// An empty map: the reply of requests that only succeed or fail.
QByteArray emptyPayload();

/// Decodes a payload as the request or reply of @p type wants (fuzzing and logs):
/// the errors, or none.
FieldErrors validatePayload(quint8 type, bool reply, QByteArrayView payload);

} // namespace neurorack
