// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysiscommands.h"

#include "cli.h"
#include "commandparser.h"
#include "spectrogramimage.h"

#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "io/analysisdocument.h"
#include "io/documentfile.h"
#include "io/jsonwriter.h"
#include "model/framegrid.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cmath>

namespace neurorack::cli {

namespace {

std::optional<AudioClip> readAudio(const QString &path, Io &io)
{
    auto clip = AudioFile::read(path);
    if (!clip) {
        io.err << clip.errorString() << '\n';
        return std::nullopt;
    }
    return std::move(clip).value();
}

QString describeSource(const AudioClip &clip)
{
    const QString channels = clip.sourceChannels == 1 ? QStringLiteral("mono")
        : clip.sourceChannels == 2                    ? QStringLiteral("stereo")
                                                      : QStringLiteral("%1 channels").arg(clip.sourceChannels);
    return QStringLiteral("%1, %2 Hz %3").arg(clip.sourceFormat).arg(clip.sourceSampleRate).arg(channels);
}

void printSummary(const QString &path, const AudioClip &clip, const DescriptorCurves &curves, Io &io)
{
    io.out << path << ": " << QString::number(clip.duration(), 'f', 3) << " s (" << describeSource(clip) << "), "
           << curves.frameCount() << " frames at " << grid::kFrameRate << " per second\n\n";
    io.out << "descriptor     unit        min       mean        max\n";
    for (const auto id : kAllDescriptors) {
        const auto values = curves.curve(id);
        double lo = INFINITY, hi = -INFINITY, sum = 0.0;
        int n = 0;
        for (const float v : values) {
            if (std::isnan(v))
                continue;
            lo = std::min(lo, double(v));
            hi = std::max(hi, double(v));
            sum += v;
            ++n;
        }
        const auto &info = descriptor(id);
        io.out << info.keyString().leftJustified(14) << ' ' << AnalysisDocument::unitOf(id).leftJustified(6);
        if (n == 0) {
            io.out << "   (unvoiced throughout)\n";
            continue;
        }
        const int decimals = info.unit[0] == '\0' ? 3 : info.id == DescriptorId::Loudness ? 1 : 0;
        for (const double v : {lo, sum / n, hi})
            io.out << ' ' << QString::number(v, 'f', decimals).rightJustified(10);
        if (id == DescriptorId::Pitch)
            io.out << QStringLiteral("   voiced in %1 % of frames").arg(100.0 * n / values.size(), 0, 'f', 0);
        io.out << '\n';
    }
}

int analyze(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures the seven descriptors of an audio file (WAV, FLAC, AIFF, OGG, …) on the 200 frames per second "
        "grid. Without --json, prints a summary; with --json, the curves as one JSON object with sample_rate, "
        "hop_length, frame_rate, duration, frames, descriptors (id → values, null for unvoiced pitch) and units."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The audio file."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the curves as JSON."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Write the JSON to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(json);
    parser.addOption(output);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("analyze"), args, io, 1, 1))
        return *exit;
    const QString path = parser.positionalArguments().constFirst();
    const auto clip = readAudio(path, io);
    if (!clip)
        return kExitFailure;
    DescriptorAnalyzer analyzer;
    const DescriptorCurves curves = analyzer.analyze(clip->samples);
    if (!parser.isSet(json) && !parser.isSet(output)) {
        printSummary(path, *clip, curves, io);
        return kExitOk;
    }
    const QByteArray text = JsonWriter::write(AnalysisDocument::encode(curves, clip->duration()));
    if (parser.isSet(output)) {
        if (const QString error = DocumentFile::writeFileAtomically(parser.value(output), text); !error.isEmpty()) {
            io.err << error << '\n';
            return kExitFailure;
        }
        return kExitOk;
    }
    io.out << QString::fromUtf8(text);
    return kExitOk;
}

int presetFromAudio(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Makes a preset from a sample: its seven descriptor curves, analysed. Samples longer than 10 s are cut "
        "at 10 s (the longest preset), with a warning."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The audio file."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The preset file to write (.json, or .cbor)."), QStringLiteral("PRESET"));
    const QCommandLineOption name(QStringLiteral("name"), QStringLiteral("The preset's name (default: the file's name)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption tags(QStringLiteral("tags"), QStringLiteral("Comma-separated tags."), QStringLiteral("TAGS"));
    parser.addOption(output);
    parser.addOption(name);
    parser.addOption(tags);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("preset from-audio"), args, io, 1, 1))
        return *exit;
    if (!parser.isSet(output)) {
        io.err << "neurorack preset from-audio: -o PRESET is required\n";
        return kExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    auto clip = readAudio(path, io);
    if (!clip)
        return kExitFailure;
    if (clip->duration() < grid::kMinDuration) {
        io.err << path << ": " << QString::number(clip->duration() * 1000, 'f', 1) << " ms is shorter than the "
               << grid::kMinDuration * 1000 << " ms a preset needs\n";
        return kExitFailure;
    }
    const std::size_t maxSamples = static_cast<std::size_t>(grid::kMaxDuration * grid::kSampleRate);
    if (clip->samples.size() > maxSamples) {
        io.err << path << ": " << QString::number(clip->duration(), 'f', 2) << " s; keeping the first "
               << grid::kMaxDuration << " s\n";
        clip->samples.resize(maxSamples);
    }

    Preset preset;
    preset.name = parser.isSet(name) ? parser.value(name) : QFileInfo(path).completeBaseName();
    preset.name = preset.name.left(limits::kMaxNameLength);
    if (preset.name.trimmed().isEmpty()) {
        io.err << "neurorack preset from-audio: the name must not be empty\n";
        return kExitUsage;
    }
    preset.id = limits::idFromName(preset.name);
    if (parser.isSet(tags)) {
        for (const QString &tag : parser.value(tags).split(QLatin1Char(','))) {
            if (!tag.trimmed().isEmpty())
                preset.tags << tag.trimmed().left(limits::kMaxTagLength);
        }
        preset.tags = preset.tags.mid(0, limits::kMaxTags);
    }
    preset.source = PresetSource::Analysed;
    preset.sourceDetail = QFileInfo(path).fileName().left(limits::kMaxDetailLength);
    DescriptorAnalyzer analyzer;
    preset.curves = analyzer.analyze(clip->samples);
    if (const QString error = DocumentFile::savePreset(parser.value(output), preset); !error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << parser.value(output) << ": preset \"" << preset.name << "\", " << preset.duration() << " s, "
           << preset.curves.frameCount() << " frames\n";
    return kExitOk;
}

int spectrogram(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Draws the spectrogram of an audio file to a PNG, with axes, "
                                                    "a colour bar in dB and a title."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The audio file."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The PNG to write."),
                                    QStringLiteral("OUT.png"));
    const QCommandLineOption linear(QStringLiteral("linear"), QStringLiteral("Linear frequency axis (default: logarithmic)."));
    const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("Image width in pixels (default 1200)."),
                                   QStringLiteral("PIXELS"), QStringLiteral("1200"));
    const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("Image height in pixels (default 600)."),
                                    QStringLiteral("PIXELS"), QStringLiteral("600"));
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Title (default: the file's name)."), QStringLiteral("TEXT"));
    for (const auto &o : {output, linear, width, height, title})
        parser.addOption(o);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("spectrogram"), args, io, 1, 1))
        return *exit;
    bool okW = false, okH = false;
    const int w = parser.value(width).toInt(&okW);
    const int h = parser.value(height).toInt(&okH);
    if (!parser.isSet(output) || !okW || !okH || w < 200 || h < 150 || w > 8000 || h > 8000) {
        io.err << "neurorack spectrogram: needs -o OUT.png, and a size from 200×150 to 8000×8000 pixels\n";
        return kExitUsage;
    }
    const QString path = parser.positionalArguments().constFirst();
    const auto clip = readAudio(path, io);
    if (!clip)
        return kExitFailure;
    Spectrogram::Options options;
    options.scale = parser.isSet(linear) ? FrequencyScale::Linear : FrequencyScale::Logarithmic;
    options.maxColumns = w - 174;
    options.rows = h - 94;
    const Spectrogram s = Spectrogram::compute(clip->samples, options);
    const QString heading = parser.isSet(title) ? parser.value(title)
                                                : QStringLiteral("%1  ·  %2 s").arg(QFileInfo(path).fileName()).arg(clip->duration(), 0, 'f', 2);
    const QImage image = SpectrogramImage::render(s, heading, QSize(w, h));
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        io.err << parser.value(output) << ": cannot be written: " << file.errorString() << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << parser.value(output) << '\n';
    return kExitOk;
}

int convertAudio(const QStringList &args, Io &io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Converts an audio file to what Neurorack works with: 48 kHz mono (channels averaged, rate converted "
        "with libsamplerate), written as WAV or FLAC (by the output's extension), atomically."));
    parser.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("The audio file (WAV, FLAC, AIFF, OGG, …)."));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("The file to write (.wav or .flac)."),
                                    QStringLiteral("OUT"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("16, 24 (default) or float (WAV only)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("24"));
    parser.addOption(output);
    parser.addOption(format);
    if (const auto exit = parseCommandLine(parser, QStringLiteral("audio convert"), args, io, 1, 1))
        return *exit;
    const QString f = parser.value(format);
    if (!parser.isSet(output) || (f != QLatin1String("16") && f != QLatin1String("24") && f != QLatin1String("float"))) {
        io.err << "neurorack audio convert: needs -o OUT, and --format 16, 24 or float\n";
        return kExitUsage;
    }
    const auto clip = readAudio(parser.positionalArguments().constFirst(), io);
    if (!clip)
        return kExitFailure;
    const SampleFormat sampleFormat = f == QLatin1String("16") ? SampleFormat::Pcm16
        : f == QLatin1String("24")                              ? SampleFormat::Pcm24
                                                                : SampleFormat::Float32;
    if (const QString error = AudioFile::write(parser.value(output), clip->samples, sampleFormat); !error.isEmpty()) {
        io.err << error << '\n';
        return kExitFailure;
    }
    io.out << "wrote " << parser.value(output) << ": " << QString::number(clip->duration(), 'f', 3) << " s at 48 kHz mono\n";
    return kExitOk;
}

} // namespace

void AnalysisCommands::registerAll(Cli &cli)
{
    cli.add({QStringLiteral("audio"), QStringLiteral("convert"), QStringLiteral("Convert audio to 48 kHz mono WAV or FLAC"), convertAudio});
    cli.add({QStringLiteral("analyze"), QString(), QStringLiteral("Measure the seven descriptors of an audio file"), analyze});
    cli.add({QStringLiteral("preset"), QStringLiteral("from-audio"), QStringLiteral("Make a preset from a sample"), presetFromAudio});
    cli.add({QStringLiteral("spectrogram"), QString(), QStringLiteral("Draw an audio file's spectrogram to a PNG"), spectrogram});
}

} // namespace neurorack::cli
