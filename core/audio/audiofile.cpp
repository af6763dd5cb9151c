// SPDX-License-Identifier: GPL-3.0-or-later
#include "audiofile.h"

#include "model/framegrid.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>

#include <samplerate.h>
#include <sndfile.h>

#include <cmath>
#include <memory>

Q_LOGGING_CATEGORY(lcAudio, "neurorack.audio")

namespace neurorack {

namespace {

struct SndfileCloser {
    void operator()(SNDFILE *f) const { sf_close(f); }
};
using SndfileHandle = std::unique_ptr<SNDFILE, SndfileCloser>;

QString describeFormat(int format)
{
    SF_FORMAT_INFO info{};
    info.format = format & SF_FORMAT_TYPEMASK;
    QString container = sf_command(nullptr, SFC_GET_FORMAT_INFO, &info, sizeof info) == 0
        ? QString::fromLatin1(info.name).section(QLatin1Char(' '), 0, 0)
        : QStringLiteral("audio");
    switch (format & SF_FORMAT_SUBMASK) {
    case SF_FORMAT_PCM_S8:
    case SF_FORMAT_PCM_U8:
        return container + QStringLiteral(" 8-bit");
    case SF_FORMAT_PCM_16:
        return container + QStringLiteral(" 16-bit");
    case SF_FORMAT_PCM_24:
        return container + QStringLiteral(" 24-bit");
    case SF_FORMAT_PCM_32:
        return container + QStringLiteral(" 32-bit");
    case SF_FORMAT_FLOAT:
        return container + QStringLiteral(" float");
    case SF_FORMAT_DOUBLE:
        return container + QStringLiteral(" double");
    case SF_FORMAT_VORBIS:
        return container + QStringLiteral(" Vorbis");
    default:
        return container;
    }
}

Result<AudioClip> failure(const QString &path, const QString &message)
{
    return Result<AudioClip>::failure(QString(), path + QStringLiteral(": ") + message);
}

} // namespace

double AudioClip::duration() const
{
    return static_cast<double>(samples.size()) / grid::kSampleRate;
}

Result<AudioClip> AudioFile::read(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(path, QStringLiteral("no such file"));
    if (info.isDir())
        return failure(path, QStringLiteral("is a folder, not an audio file"));
    if (info.size() == 0)
        return failure(path, QStringLiteral("the file is empty"));

    SF_INFO sfInfo{};
    SndfileHandle file(sf_open(QFile::encodeName(path).constData(), SFM_READ, &sfInfo));
    if (!file)
        return failure(path, QStringLiteral("not a readable audio file (%1)").arg(QString::fromLocal8Bit(sf_strerror(nullptr))));
    if (sfInfo.channels < 1 || sfInfo.channels > kMaxChannels)
        return failure(path, QStringLiteral("%1 channels; Neurorack reads 1 to %2").arg(sfInfo.channels).arg(kMaxChannels));
    if (sfInfo.samplerate < kMinSampleRate || sfInfo.samplerate > kMaxSampleRate)
        return failure(path, QStringLiteral("a sample rate of %1 Hz is outside %2 … %3 Hz")
                                 .arg(sfInfo.samplerate).arg(kMinSampleRate).arg(kMaxSampleRate));
    if (sfInfo.frames <= 0)
        return failure(path, QStringLiteral("contains no audio"));
    const double seconds = static_cast<double>(sfInfo.frames) / sfInfo.samplerate;
    if (seconds > kMaxDurationSeconds)
        return failure(path, QStringLiteral("%1 s long; Neurorack reads at most %2 s").arg(seconds, 0, 'f', 0).arg(kMaxDurationSeconds));

    // Read in blocks and mix each block down at once: memory follows the samples actually
    // read, never a header's claim. Integer formats come scaled to ±1 by libsndfile.
    constexpr sf_count_t kBlockFrames = 65536;
    const std::size_t maxFrames = static_cast<std::size_t>(kMaxDurationSeconds * sfInfo.samplerate);
    std::vector<float> block(static_cast<std::size_t>(kBlockFrames) * std::size_t(sfInfo.channels));
    std::vector<float> mono;
    float peak = 0.0f;
    for (;;) {
        const sf_count_t n = sf_readf_float(file.get(), block.data(), kBlockFrames);
        if (n <= 0)
            break;
        const float scale = 1.0f / static_cast<float>(sfInfo.channels);
        for (sf_count_t i = 0; i < n; ++i) {
            float sum = 0.0f;
            for (int c = 0; c < sfInfo.channels; ++c) {
                const float v = block[std::size_t(i) * std::size_t(sfInfo.channels) + std::size_t(c)];
                sum += std::isfinite(v) ? v : 0.0f; // NaN or infinity in a float file: silence, not poison
            }
            mono.push_back(sum * scale);
            peak = std::max(peak, std::abs(mono.back()));
        }
        if (mono.size() > maxFrames)
            return failure(path, QStringLiteral("longer than the %1 s Neurorack reads").arg(kMaxDurationSeconds));
    }
    if (mono.empty())
        return failure(path, QStringLiteral("the audio data cannot be read (%1)").arg(QString::fromLocal8Bit(sf_strerror(file.get()))));
    if (static_cast<sf_count_t>(mono.size()) < sfInfo.frames)
        qCWarning(lcAudio).noquote() << path << ": truncated, read" << mono.size() << "of" << sfInfo.frames << "frames";
    if (peak > kMaxLevel)
        return failure(path, QStringLiteral("samples reach %1 (%2 dB above full scale): not audio levels")
                                 .arg(double(peak), 0, 'g', 3)
                                 .arg(20.0 * std::log10(double(peak)), 0, 'f', 0));

    AudioClip clip;
    clip.sourceSampleRate = sfInfo.samplerate;
    clip.sourceChannels = sfInfo.channels;
    clip.sourceFormat = describeFormat(sfInfo.format);
    clip.samples = toProductFormat(mono, 1, sfInfo.samplerate);
    if (clip.samples.empty())
        return failure(path, QStringLiteral("contains no audio"));
    return clip;
}

std::vector<float> AudioFile::toProductFormat(std::span<const float> interleaved, int channels, int sampleRate)
{
    const std::size_t frames = interleaved.size() / static_cast<std::size_t>(channels);
    std::vector<float> mono(frames);
    if (channels == 1) {
        std::copy(interleaved.begin(), interleaved.begin() + static_cast<std::ptrdiff_t>(frames), mono.begin());
    } else {
        // The mean of the channels: dual-mono files keep their level.
        const float scale = 1.0f / static_cast<float>(channels);
        for (std::size_t i = 0; i < frames; ++i) {
            float sum = 0.0f;
            for (int c = 0; c < channels; ++c)
                sum += interleaved[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)];
            mono[i] = sum * scale;
        }
    }
    if (sampleRate == grid::kSampleRate || mono.empty())
        return mono;

    const double ratio = static_cast<double>(grid::kSampleRate) / sampleRate;
    std::vector<float> out(static_cast<std::size_t>(std::ceil(static_cast<double>(frames) * ratio)) + 16);
    SRC_DATA data{};
    data.data_in = mono.data();
    data.input_frames = static_cast<long>(frames);
    data.data_out = out.data();
    data.output_frames = static_cast<long>(out.size());
    data.src_ratio = ratio;
    if (const int error = src_simple(&data, SRC_SINC_MEDIUM_QUALITY, 1); error != 0) {
        qCWarning(lcAudio) << "sample rate conversion failed:" << src_strerror(error);
        return {};
    }
    out.resize(static_cast<std::size_t>(data.output_frames_gen));
    return out;
}

QString AudioFile::write(const QString &path, std::span<const float> samples, SampleFormat format, int sampleRate)
{
    const bool flac = path.endsWith(QLatin1String(".flac"), Qt::CaseInsensitive);
    if (!flac && !path.endsWith(QLatin1String(".wav"), Qt::CaseInsensitive))
        return QStringLiteral("%1: the name must end in .wav or .flac").arg(path);
    if (flac && format == SampleFormat::Float32)
        return QStringLiteral("%1: FLAC stores whole numbers: write 16 or 24 bit, or use .wav for float").arg(path);

    SF_INFO info{};
    info.samplerate = sampleRate;
    info.channels = 1;
    info.format = (flac ? SF_FORMAT_FLAC : SF_FORMAT_WAV)
        | (format == SampleFormat::Pcm16 ? SF_FORMAT_PCM_16 : format == SampleFormat::Pcm24 ? SF_FORMAT_PCM_24 : SF_FORMAT_FLOAT);

    // Written to a temporary beside the target and renamed over it once complete.
    QSaveFile save(path);
    if (!save.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: cannot be written: %2").arg(path, save.errorString());
    {
        SndfileHandle file(sf_open_fd(save.handle(), SFM_WRITE, &info, SF_FALSE));
        if (!file) {
            save.cancelWriting();
            return QStringLiteral("%1: cannot be written: %2").arg(path, QString::fromLocal8Bit(sf_strerror(nullptr)));
        }
        sf_command(file.get(), SFC_SET_CLIPPING, nullptr, SF_TRUE); // clip rather than wrap around
        if (sf_writef_float(file.get(), samples.data(), static_cast<sf_count_t>(samples.size()))
            != static_cast<sf_count_t>(samples.size())) {
            const QString message = QString::fromLocal8Bit(sf_strerror(file.get()));
            save.cancelWriting();
            return QStringLiteral("%1: cannot be written: %2").arg(path, message);
        }
    }
    if (!save.commit())
        return QStringLiteral("%1: cannot be saved: %2").arg(path, save.errorString());
    return {};
}

} // namespace neurorack
