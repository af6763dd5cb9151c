// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentcommands.h"

#include "cli.h"
#include "commandparser.h"

#include "io/documentfile.h"

#include <QCommandLineParser>

namespace neurorack::cli {

namespace {

template<typename T>
using Loader = Result<T> (*)(const QString &);

template<typename T>
int validateFiles(const QString &kind, Loader<T> load, std::function<QString(const T &)> describe,
                  const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Checks %1 files (JSON or CBOR). Each problem is printed on "
                                                    "stderr as FILE: FIELD: REASON.\nExit 0 when every file is valid, "
                                                    "1 when one is not, 2 on a usage error.").arg(kind));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The %1 files to check.").arg(kind),
                                 QStringLiteral("FILE..."));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print nothing for valid files."));
    parser.addOption(quiet);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("%1 validate").arg(kind), args, io, 1))
        return *exit;

    int status = kExitOk;
    for (const QString &path : parser.positionalArguments()) {
        const auto result = load(path);
        if (!result) {
            printErrors(io, path, result.errors());
            status = kExitFailure;
        } else if (!parser.isSet(quiet)) {
            io.out << path << ": valid " << describe(*result) << '\n';
        }
    }
    return status;
}

QString describeBank(const Bank &bank)
{
    return QStringLiteral("bank \"%1\" (%2 presets in %3 slots, mapping \"%4\")")
        .arg(bank.name())
        .arg(bank.presetCount())
        .arg(Bank::kSlotCount)
        .arg(bank.mapping().name);
}

QString describePreset(const Preset &preset)
{
    return QStringLiteral("preset \"%1\" (%2 s, %3 frames)").arg(preset.name).arg(preset.duration()).arg(preset.curves.frameCount());
}

QString describeMapping(const Mapping &mapping)
{
    return QStringLiteral("mapping \"%1\"").arg(mapping.name);
}

int convertBank(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Re-encodes a bank: the output's extension picks the encoding "
                                                    "(.cbor for CBOR, anything else JSON). The input is validated "
                                                    "first; the output is written atomically."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The bank to read (JSON or CBOR)."));
    parser.addPositionalArgument(QStringLiteral("OUT"), QStringLiteral("The file to write."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("bank convert"), args, io, 2, 2))
        return *exit;
    const QString in = parser.positionalArguments().at(0);
    const QString out = parser.positionalArguments().at(1);
    const auto bank = DocumentFile::loadBank(in);
    if (!bank) {
        printErrors(io, in, bank.errors());
        return kExitFailure;
    }
    if (const QString error = DocumentFile::saveBank(out, *bank); !error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << out << '\n';
    return kExitOk;
}

int showBank(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists a bank's filled slots and its mapping."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The bank to show."));
    if (const auto exit = parseCommandLine(parser, QStringLiteral("bank show"), args, io, 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().at(0);
    const auto bank = DocumentFile::loadBank(path);
    if (!bank) {
        printErrors(io, path, bank.errors());
        return kExitFailure;
    }
    io.out << bank->name() << " (" << bank->id() << "), " << bank->presetCount() << " presets\n";
    if (!bank->description().isEmpty())
        io.out << bank->description() << '\n';
    io.out << '\n' << "slot  id                    name                  duration  tags\n";
    for (const int slot : bank->filledSlots()) {
        const Preset *p = bank->preset(slot);
        io.out << QString::number(slot).rightJustified(4) << "  " << p->id.leftJustified(21) << ' '
               << p->name.leftJustified(21) << ' ' << QString::number(p->duration(), 'f', 2).rightJustified(6) << " s  "
               << p->tags.join(QStringLiteral(", ")) << '\n';
    }
    const Mapping &m = bank->mapping();
    io.out << "\nmapping: " << m.name << '\n';
    for (int i = 0; i < Mapping::kCvCount; ++i) {
        const CvInput &cv = m.cv[std::size_t(i)];
        io.out << "  CV" << i + 1 << "  " << cvTargetKey(cv.target);
        if (cvTargetHasDescriptor(cv.target))
            io.out << ' ' << descriptor(cv.descriptor).keyString();
        io.out << '\n';
    }
    for (int i = 0; i < Mapping::kGateCount; ++i)
        io.out << "  gate" << i + 1 << ' ' << gateActionKey(m.gates[std::size_t(i)].action) << '\n';
    return kExitOk;
}

} // namespace

void DocumentCommands::registerAll(Cli &cli)
{
    cli.add({QStringLiteral("bank"), QStringLiteral("validate"), QStringLiteral("Check bank files, naming each invalid field"),
             [](const QStringList &args, Io &io) {
                 return validateFiles<Bank>(QStringLiteral("bank"), &DocumentFile::loadBank, describeBank, args, io);
             }});
    cli.add({QStringLiteral("bank"), QStringLiteral("show"), QStringLiteral("List a bank's presets and mapping"), showBank});
    cli.add({QStringLiteral("bank"), QStringLiteral("convert"), QStringLiteral("Re-encode a bank as JSON or CBOR"), convertBank});
    cli.add({QStringLiteral("preset"), QStringLiteral("validate"), QStringLiteral("Check preset files"),
             [](const QStringList &args, Io &io) {
                 return validateFiles<Preset>(QStringLiteral("preset"), &DocumentFile::loadPreset, describePreset, args, io);
             }});
    cli.add({QStringLiteral("mapping"), QStringLiteral("validate"), QStringLiteral("Check CV/gate mapping files"),
             [](const QStringList &args, Io &io) {
                 return validateFiles<Mapping>(QStringLiteral("mapping"), &DocumentFile::loadMapping, describeMapping, args, io);
             }});
}

} // namespace neurorack::cli
