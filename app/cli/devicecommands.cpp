// SPDX-License-Identifier: GPL-3.0-or-later
#include "devicecommands.h"

#include "cli.h"
#include "commandparser.h"

#include "io/documentfile.h"
#include "protocol/deviceclient.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <QCoro/QCoroTask>

#include <atomic>
#include <csignal>
#include <functional>

#include <unistd.h>

namespace neurorack::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

int exitCodeFor(SyncFailure failure)
{
    switch (failure) {
    case SyncFailure::PortUnavailable:
        return kExitNoModule;
    case SyncFailure::VersionMismatch:
        return kExitVersion;
    case SyncFailure::NoAnswer:
    case SyncFailure::LinkLost:
        return kExitNoAnswer;
    case SyncFailure::Rejected:
        return kExitRejected;
    case SyncFailure::Corrupted:
        return kExitCorrupted;
    case SyncFailure::Cancelled:
        return kExitCancelled;
    case SyncFailure::Protocol:
        break;
    }
    return kExitFailure;
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 10LL * 1024 * 1024 * 1024)
        return QStringLiteral("%1 GB").arg(double(bytes) / (1024.0 * 1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024 * 1024)
        return QStringLiteral("%1 MB").arg(double(bytes) / (1024.0 * 1024.0), 0, 'f', 2);
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    return QStringLiteral("%1 kB").arg(double(bytes) / 1024.0, 0, 'f', 1);
}

const QCommandLineOption kPortOption({QStringLiteral("p"), QStringLiteral("port")},
                                     QStringLiteral("The module's serial port (/dev/ttyACM0). Default: the one module found by its USB ids."),
                                     QStringLiteral("PORT"));
const QCommandLineOption kTimeoutOption(QStringLiteral("timeout"),
                                        QStringLiteral("Milliseconds to wait for each reply before asking again (default 500)."),
                                        QStringLiteral("MS"));
const QCommandLineOption kChunkOption(QStringLiteral("chunk-size"),
                                      QStringLiteral("Bytes per chunk of a transfer (default: the module's choice)."), QStringLiteral("BYTES"));
/// The module takes chunks of at most 24 KiB (docs/protocol.md).
constexpr int kMaxChunk = 24 * 1024;

const QCommandLineOption kQuietOption({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("No progress on stderr."));

/// What every device command shares: the port, the link options, progress and Ctrl-C.
class Session
{
public:
    Session(QCommandLineParser &parser, Io &io, bool transfer)
        : m_parser(parser)
        , m_io(io)
        , m_transfer(transfer)
    {
    }

    /// Opens the link and runs @p body; returns the exit code.
    int run(const std::function<QCoro::Task<int>(DeviceClient &)> &body)
    {
        QString port = m_parser.value(kPortOption);
        if (port.isEmpty()) {
            const auto modules = DeviceClient::findModules();
            if (modules.isEmpty()) {
                m_io.err << "neurorack device: no module found (USB id 1209:4e52): plug it in, or name its port with --port\n";
                return kExitNoModule;
            }
            if (modules.size() > 1) {
                QStringList ports;
                for (const auto &m : modules)
                    ports << m.systemLocation;
                m_io.err << "neurorack device: " << modules.size() << " modules found (" << ports.join(QStringLiteral(", "))
                         << "): choose one with --port\n";
                return kExitNoModule;
            }
            port = modules.first().systemLocation;
        }
        DeviceClient client;
        if (m_parser.isSet(kTimeoutOption)) {
            bool ok = false;
            const int ms = m_parser.value(kTimeoutOption).toInt(&ok);
            if (!ok || ms < 10 || ms > 600000) {
                m_io.err << "neurorack device: --timeout must be 10…600000 ms, not " << m_parser.value(kTimeoutOption) << '\n';
                return kExitUsage;
            }
            client.setReplyTimeout(std::chrono::milliseconds(ms));
        }
        if (m_transfer && m_parser.isSet(kChunkOption)) {
            bool ok = false;
            const int bytes = m_parser.value(kChunkOption).toInt(&ok);
            if (!ok || bytes < 64 || bytes > kMaxChunk) {
                m_io.err << "neurorack device: --chunk-size must be 64…" << kMaxChunk << " bytes\n";
                return kExitUsage;
            }
            client.setChunkSize(bytes);
        }
        const bool quiet = !m_transfer || m_parser.isSet(kQuietOption);
        const bool terminal = ::isatty(STDERR_FILENO);
        int lastShown = -1;
        QObject::connect(&client, &DeviceClient::progress, [&](qint64 done, qint64 total) {
            if (quiet || total <= 0)
                return;
            const int percent = static_cast<int>(done * 100 / total);
            // On a terminal a line that updates; in a log a line per quarter.
            if (terminal) {
                if (percent != lastShown)
                    m_io.err << "\r  " << percent << " % (" << sizeText(done) << " of " << sizeText(total) << ")   " << Qt::flush;
                if (done == total)
                    m_io.err << '\n';
            } else if (percent / 25 != lastShown / 25 || (done == total && lastShown != 100)) {
                m_io.err << "  " << percent << " % (" << sizeText(done) << " of " << sizeText(total) << ")\n" << Qt::flush;
            }
            lastShown = percent;
        });

        // Ctrl-C stops a transfer cleanly: the module keeps what it had.
        g_interrupted = false;
        auto previous = std::signal(SIGINT, onInterrupt);
        QTimer watch;
        watch.setInterval(50);
        QObject::connect(&watch, &QTimer::timeout, [&] {
            if (g_interrupted)
                client.cancel();
        });
        watch.start();

        const int status = QCoro::waitFor([&]() -> QCoro::Task<int> {
            const auto hello = co_await client.open(port);
            if (!hello)
                co_return fail(hello.error());
            co_return co_await body(client);
        }());
        std::signal(SIGINT, previous);
        return status;
    }

    int fail(const SyncError &error)
    {
        m_io.err << "neurorack device: " << error.message << '\n';
        if (error.failure == SyncFailure::NoAnswer || error.failure == SyncFailure::LinkLost)
            m_io.err << "A push that stopped part-way resumes where it stopped when you run it again.\n";
        return exitCodeFor(error.failure);
    }

    Io &io() { return m_io; }

private:
    QCommandLineParser &m_parser;
    Io &m_io;
    bool m_transfer;
};

void addLinkOptions(QCommandLineParser &parser, bool transfer)
{
    parser.addOption(kPortOption);
    parser.addOption(kTimeoutOption);
    if (transfer) {
        parser.addOption(kChunkOption);
        parser.addOption(kQuietOption);
    }
}

QString describe(const SyncResult<CommitReply> &reply)
{
    return QStringLiteral("%1 (%2)%3").arg(reply->file, reply->summary, reply->active ? QStringLiteral(", playing now") : QString());
}

QString rate(qint64 bytes, qint64 ms)
{
    return QStringLiteral("%1 in %2 s").arg(sizeText(bytes)).arg(double(ms) / 1000.0, 0, 'f', 2);
}

int listCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the serial ports of connected Neurorack modules (USB id 1209:4e52): "
                                                    "port, device file, description, serial number. Exit 0 even when none is found."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device list"), args, io, 0, 0))
        return *exit;
    const auto modules = DeviceClient::findModules();
    for (const auto &m : modules)
        io.out << m.portName << '\t' << m.systemLocation << '\t' << m.description << '\t' << m.serialNumber << '\n';
    if (modules.isEmpty())
        io.err << "no module found (is it plugged in and powered? the runtime's USB gadget enumerates as 1209:4e52)\n";
    return kExitOk;
}

int infoCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shows what the module runs and holds: runtime and protocol versions, "
                                                    "the playing model and bank, the banks and models stored, free space, figures."));
    addLinkOptions(parser, false);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device info"), args, io, 0, 0))
        return *exit;
    Session session(parser, io, false);
    return session.run([&](DeviceClient &client) -> QCoro::Task<int> {
        const auto info = co_await client.info();
        if (!info)
            co_return session.fail(info.error());
        QTextStream &out = io.out;
        out << "port:        " << client.portName() << '\n'
            << "runtime:     " << info->runtime << " (protocol " << info->protocol << ")\n"
            << "model:       " << info->model << " (" << info->modelFile << ", " << info->modelDevice << ")\n"
            << "bank:        " << info->bankName << " (" << info->bankFile << "), slot " << info->slot << '\n'
            << "volume:      " << QString::number(info->volumeDb, 'f', 1) << " dB\n"
            << "storage:     " << sizeText(info->freeBytes) << " free of " << sizeText(info->totalBytes) << '\n'
            << "uptime:      " << info->uptimeS << " s, " << info->triggers << " impacts played, " << info->renders
            << " rendered (last " << QString::number(info->renderMs, 'f', 1) << " ms), " << info->xruns << " xruns\n"
            << "banks:\n";
        for (const auto &b : info->banks)
            out << "  " << b.file.leftJustified(28) << ' ' << b.name << " (" << b.presets << " presets, " << sizeText(b.bytes) << ")\n";
        out << "models:\n";
        for (const auto &m : info->models)
            out << "  " << m.file.leftJustified(28) << ' ' << (m.name.isEmpty() ? QString() : m.name + QLatin1Char(' ')) << '(' << sizeText(m.bytes) << ")\n";
        co_return kExitOk;
    });
}

int pushCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sends a bank (JSON or CBOR) to the module. It is checked here, sent in chunks, checked "
                                                    "again on the module (SHA-256 and validation) and stored in one step: the module keeps "
                                                    "its old bank until the new one is complete. An interrupted push resumes when run again."));
    parser.addPositionalArgument(QStringLiteral("BANK"), QStringLiteral("The bank file."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The file name on the module (default: BANK's file name)."), QStringLiteral("NAME"));
    const QCommandLineOption keep(QStringLiteral("no-activate"), QStringLiteral("Store the bank without switching the module to it."));
    parser.addOptions({name, keep});
    addLinkOptions(parser, true);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device push"), args, io, 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().first();
    const auto bank = DocumentFile::loadBank(path);
    if (!bank) {
        printErrors(io, path, bank.errors());
        return kExitFailure;
    }
    const QString target = parser.isSet(name) ? parser.value(name) : QFileInfo(path).completeBaseName() + QStringLiteral(".json");
    Session session(parser, io, true);
    return session.run([&](DeviceClient &client) -> QCoro::Task<int> {
        QElapsedTimer timer;
        timer.start();
        if (!parser.isSet(kQuietOption))
            io.err << "pushing " << path << " as " << target << '\n' << Qt::flush;
        const auto reply = co_await client.pushBank(target, *bank, !parser.isSet(keep));
        if (!reply)
            co_return session.fail(reply.error());
        const auto stats = client.stats();
        io.out << "pushed " << describe(reply) << ": " << rate(stats.payloadSent, timer.elapsed()) << ", "
               << sizeText(stats.bytesSent + stats.bytesReceived) << " on the wire\n";
        co_return kExitOk;
    });
}

int pullCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Fetches a bank from the module (default: the one it plays), checks its SHA-256 and "
                                                    "saves it (JSON, or CBOR for a .cbor name) without ever leaving a half-written file. "
                                                    "With --model, fetches a model file instead."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Where to save it."), QStringLiteral("FILE"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The file name on the module (device info lists them)."), QStringLiteral("NAME"));
    const QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Fetch a model (default: the one the module plays) rather than a bank."));
    parser.addOptions({output, name, model});
    addLinkOptions(parser, true);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device pull"), args, io, 0, 0))
        return *exit;
    if (!parser.isSet(output)) {
        io.err << "neurorack device pull: say where to save the bank with -o FILE\n";
        return kExitUsage;
    }
    Session session(parser, io, true);
    return session.run([&](DeviceClient &client) -> QCoro::Task<int> {
        QElapsedTimer timer;
        timer.start();
        const QString module = parser.value(name);
        if (parser.isSet(model)) {
            const auto bytes = co_await client.pull(TransferKind::Model, module);
            if (!bytes)
                co_return session.fail(bytes.error());
            if (const QString error = DocumentFile::writeFileAtomically(parser.value(output), *bytes); !error.isEmpty()) {
                io.err << parser.value(output) << ": " << error << '\n';
                co_return kExitFailure;
            }
            io.out << "pulled model " << (module.isEmpty() ? QStringLiteral("(the playing one)") : module) << " into " << parser.value(output)
                   << ": " << rate(client.stats().payloadReceived, timer.elapsed()) << '\n';
            co_return kExitOk;
        }
        const auto bank = co_await client.pullBank(module);
        if (!bank)
            co_return session.fail(bank.error());
        if (const QString error = DocumentFile::saveBank(parser.value(output), *bank); !error.isEmpty()) {
            io.err << parser.value(output) << ": " << error << '\n';
            co_return kExitFailure;
        }
        io.out << "pulled bank \"" << bank->name() << "\" (" << bank->presetCount() << " presets) into " << parser.value(output)
               << ": " << rate(client.stats().payloadReceived, timer.elapsed()) << '\n';
        co_return kExitOk;
    });
}

int uploadModelCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Sends a model file (TorchScript .pt with its neurorack.json) to the module. The module "
                                                    "loads and runs it once before accepting it; a model that fails is refused and the "
                                                    "playing one stays."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The model file."));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The file name on the module (default: FILE's name)."), QStringLiteral("NAME"));
    const QCommandLineOption keep(QStringLiteral("no-activate"), QStringLiteral("Store the model without switching the module to it."));
    parser.addOptions({name, keep});
    addLinkOptions(parser, true);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device upload-model"), args, io, 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().first();
    // Models may be far larger than documents: read without DocumentFile's limit.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        io.err << path << ": " << file.errorString() << '\n';
        return kExitFailure;
    }
    const auto bytes = std::make_optional(file.readAll());
    if (bytes->isEmpty()) {
        io.err << path << ": the file is empty\n";
        return kExitFailure;
    }
    const QString target = parser.isSet(name) ? parser.value(name) : QFileInfo(path).fileName();
    Session session(parser, io, true);
    return session.run([&](DeviceClient &client) -> QCoro::Task<int> {
        QElapsedTimer timer;
        timer.start();
        if (!parser.isSet(kQuietOption))
            io.err << "uploading " << path << " as " << target << '\n' << Qt::flush;
        const auto reply = co_await client.push(TransferKind::Model, target, *bytes, !parser.isSet(keep));
        if (!reply)
            co_return session.fail(reply.error());
        const auto stats = client.stats();
        io.out << "uploaded " << describe(reply) << ": " << rate(stats.payloadSent, timer.elapsed()) << ", "
               << sizeText(stats.bytesSent + stats.bytesReceived) << " on the wire\n";
        co_return kExitOk;
    });
}

int playCommand(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plays slot N (0–127) of the module's bank, as a gate would."));
    parser.addPositionalArgument(QStringLiteral("N"), QStringLiteral("The slot."));
    addLinkOptions(parser, false);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("device play"), args, io, 1, 1))
        return *exit;
    bool ok = false;
    const int slot = parser.positionalArguments().first().toInt(&ok);
    if (!ok || slot < 0 || slot > 127) {
        io.err << "neurorack device play: N must be a slot 0–127, not " << parser.positionalArguments().first() << '\n';
        return kExitUsage;
    }
    Session session(parser, io, false);
    return session.run([&](DeviceClient &client) -> QCoro::Task<int> {
        const auto reply = co_await client.play(slot);
        if (!reply)
            co_return session.fail(reply.error());
        io.out << "playing slot " << reply->slot << ": " << reply->preset << '\n';
        co_return kExitOk;
    });
}

} // namespace

void DeviceCommands::registerAll(Cli &cli)
{
    cli.add({QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("List connected modules"), listCommand});
    cli.add({QStringLiteral("device"), QStringLiteral("info"), QStringLiteral("What the module runs and holds"), infoCommand});
    cli.add({QStringLiteral("device"), QStringLiteral("push"), QStringLiteral("Send a bank to the module"), pushCommand});
    cli.add({QStringLiteral("device"), QStringLiteral("pull"), QStringLiteral("Fetch a bank from the module"), pullCommand});
    cli.add({QStringLiteral("device"), QStringLiteral("upload-model"), QStringLiteral("Send a model to the module"), uploadModelCommand});
    cli.add({QStringLiteral("device"), QStringLiteral("play"), QStringLiteral("Play a slot on the module"), playCommand});
}

} // namespace neurorack::cli
