// SPDX-License-Identifier: GPL-3.0-or-later
// The one source file of Neurorack that includes LibTorch headers (CONVENTIONS.md).
#include "impactengine.h"

#include "model/framegrid.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <torch/script.h>

#include <cmath>
#include <mutex>

Q_LOGGING_CATEGORY(lcEngine, "neurorack.engine")

namespace neurorack {

namespace {

constexpr int kValidationFrames = 40; // 0.2 s: enough to exercise every layer, quick to run

QString metadataError(const QJsonObject &meta, QString &name)
{
    if (meta.value(QStringLiteral("format")).toString() != QLatin1String("neurorack.model"))
        return QStringLiteral("neurorack.json: \"format\" is not \"neurorack.model\"");
    if (meta.value(QStringLiteral("version")).toInt() != 1)
        return QStringLiteral("neurorack.json: version %1 is not supported (this Neurorack reads version 1)")
            .arg(meta.value(QStringLiteral("version")).toVariant().toString());
    name = meta.value(QStringLiteral("name")).toString();
    if (name.isEmpty())
        return QStringLiteral("neurorack.json: \"name\" is missing");
    if (meta.value(QStringLiteral("sample_rate")).toInt() != grid::kSampleRate)
        return QStringLiteral("neurorack.json: sample_rate %1 is not %2 Hz")
            .arg(meta.value(QStringLiteral("sample_rate")).toInt())
            .arg(grid::kSampleRate);
    if (meta.value(QStringLiteral("hop_length")).toInt() != grid::kHopLength)
        return QStringLiteral("neurorack.json: hop_length %1 is not %2")
            .arg(meta.value(QStringLiteral("hop_length")).toInt())
            .arg(grid::kHopLength);
    QStringList descriptors;
    for (const auto &v : meta.value(QStringLiteral("descriptors")).toArray())
        descriptors << v.toString();
    if (descriptors != descriptorKeys())
        return QStringLiteral("neurorack.json: descriptors [%1] are not Neurorack's seven in order [%2]")
            .arg(descriptors.join(QStringLiteral(", ")), descriptorKeys().join(QStringLiteral(", ")));
    return {};
}

/// A short test signal: a decaying voiced tone, then unvoiced frames.
DescriptorCurves validationCurves()
{
    DescriptorCurves c(kValidationFrames);
    for (int i = 0; i < kValidationFrames; ++i) {
        c.setValue(DescriptorId::Loudness, i, -12.0f - 1.0f * i);
        c.setValue(DescriptorId::Percussivity, i, i < 4 ? 0.8f : 0.1f);
        c.setValue(DescriptorId::Noisiness, i, 0.2f);
        c.setValue(DescriptorId::Tonality, i, 0.8f);
        c.setValue(DescriptorId::Richness, i, 800.0f);
        c.setValue(DescriptorId::Brightness, i, 1200.0f);
        c.setValue(DescriptorId::Pitch, i, i < 30 ? 110.0f : DescriptorCurves::kUnvoiced);
    }
    return c;
}

} // namespace

struct ImpactEngine::Impl {
    Device preference = Device::Auto;
    mutable std::mutex mutex; // guards module and info
    std::shared_ptr<torch::jit::script::Module> module;
    std::optional<ModelInfo> info;
    torch::Device device = torch::kCPU;

    /// Runs one forward pass; the caller holds the mutex.
    Result<std::vector<float>> forward(torch::jit::script::Module &m, torch::Device dev, const DescriptorCurves &curves,
                                       quint64 seed)
    {
        const int frames = curves.frameCount();
        if (frames < 1)
            return Result<std::vector<float>>::failure(QString(), QStringLiteral("nothing to render: the curves are empty"));
        try {
            c10::InferenceMode guard;
            torch::manual_seed(seed);
            // Descriptor-major curves are already laid out as [7, frames].
            auto input = torch::from_blob(const_cast<float *>(curves.data().data()), {1, kDescriptorCount, frames},
                                          torch::kFloat32)
                             .to(dev);
            const torch::Tensor output = m.forward({input}).toTensor().to(torch::kCPU).contiguous();
            const int64_t expected = int64_t(frames) * grid::kHopLength;
            if (output.dim() != 3 || output.size(0) != 1 || output.size(1) != 1 || output.size(2) != expected)
                return Result<std::vector<float>>::failure(
                    QString(), QStringLiteral("the model returned a tensor of shape %1, expected [1, 1, %2]")
                                   .arg(QString::fromStdString(c10::str(output.sizes())))
                                   .arg(expected));
            if (output.scalar_type() != torch::kFloat32)
                return Result<std::vector<float>>::failure(QString(), QStringLiteral("the model returned %1 samples, expected float32")
                                                                          .arg(QString::fromLatin1(c10::toString(output.scalar_type()))));
            std::vector<float> audio(static_cast<std::size_t>(expected));
            std::memcpy(audio.data(), output.data_ptr<float>(), audio.size() * sizeof(float));
            for (const float v : audio) {
                if (!std::isfinite(v))
                    return Result<std::vector<float>>::failure(QString(), QStringLiteral("the model produced NaN or infinite samples"));
            }
            return audio;
        } catch (const c10::Error &e) {
            return Result<std::vector<float>>::failure(QString(), QStringLiteral("the model failed: %1")
                                                                      .arg(QString::fromStdString(e.what_without_backtrace())));
        } catch (const std::exception &e) {
            return Result<std::vector<float>>::failure(QString(), QStringLiteral("the model failed: %1").arg(QString::fromLocal8Bit(e.what())));
        }
    }
};

ImpactEngine::ImpactEngine(Device device)
    : d(std::make_unique<Impl>())
{
    d->preference = device;
}

ImpactEngine::~ImpactEngine() = default;

void ImpactEngine::setThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

Result<ModelInfo> ImpactEngine::load(const QString &path)
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo file(path);
    if (!file.exists())
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: no such model file").arg(path));
    if (!file.isFile())
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: not a file").arg(path));

    const bool cuda = d->preference != Device::Cpu && at::hasCUDA();
    if (d->preference == Device::Cuda && !cuda)
        return Result<ModelInfo>::failure(QString(), QStringLiteral("CUDA was asked for, but no CUDA device is available"));
    const torch::Device device = cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);

    auto module = std::make_shared<torch::jit::script::Module>();
    torch::jit::ExtraFilesMap extra{{"neurorack.json", ""}};
    try {
        *module = torch::jit::load(QFile::encodeName(path).toStdString(), device, extra);
    } catch (const c10::Error &e) {
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: not a TorchScript model that PyTorch 1.13 can read (%2)")
                                                         .arg(path, QString::fromStdString(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
    } catch (const std::exception &e) {
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: cannot be loaded: %2").arg(path, QString::fromLocal8Bit(e.what())));
    }
    module->eval();

    const std::string &json = extra["neurorack.json"];
    if (json.empty())
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: has no neurorack.json metadata: not a Neurorack model").arg(path));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: neurorack.json is not valid JSON (%2)").arg(path, parseError.errorString()));
    ModelInfo info;
    if (const QString error = metadataError(doc.object(), info.name); !error.isEmpty())
        return Result<ModelInfo>::failure(QString(), path + QStringLiteral(": ") + error);

    // A short forward pass: the model must run and give finite audio of the right length.
    if (auto probe = d->forward(*module, device, validationCurves(), 0); !probe)
        return Result<ModelInfo>::failure(QString(), QStringLiteral("%1: fails its test render: %2").arg(path, probe.errorString()));

    const QJsonObject meta = doc.object();
    info.path = path;
    info.version = meta.value(QStringLiteral("model_version")).toString();
    info.sampleRate = grid::kSampleRate;
    info.hopLength = grid::kHopLength;
    info.descriptors = descriptorKeys();
    info.parameters = 0;
    for (const auto &p : module->parameters())
        info.parameters += p.numel();
    info.trainedOn = meta.value(QStringLiteral("trained_on")).toString();
    info.licence = meta.value(QStringLiteral("licence")).toString();
    info.device = cuda ? QStringLiteral("cuda") : QStringLiteral("cpu");
    info.metadata = meta;
    info.loadMs = timer.nsecsElapsed() / 1e6;

    const std::lock_guard lock(d->mutex);
    d->module = std::move(module);
    d->device = device;
    d->info = info;
    qCInfo(lcEngine).noquote() << "loaded" << info.name << info.version << "from" << path << "on" << info.device << "in"
                               << QString::number(info.loadMs, 'f', 0) << "ms";
    return info;
}

bool ImpactEngine::hasModel() const
{
    const std::lock_guard lock(d->mutex);
    return d->module != nullptr;
}

std::optional<ModelInfo> ImpactEngine::model() const
{
    const std::lock_guard lock(d->mutex);
    return d->info;
}

Result<std::vector<float>> ImpactEngine::render(const DescriptorCurves &curves, quint64 seed)
{
    const std::lock_guard lock(d->mutex); // held around the forward pass only: nothing else here is slow
    if (!d->module)
        return Result<std::vector<float>>::failure(QString(), QStringLiteral("no model is loaded"));
    return d->forward(*d->module, d->device, curves, seed);
}

QString ImpactEngine::defaultModelPath()
{
    const QString fromEnvironment = qEnvironmentVariable("NEURORACK_MODEL");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString name = QStringLiteral("neurorack-impact.pt");
    const QDir exe(QCoreApplication::applicationDirPath());
    // build/app/neurorack → ../../models (a source checkout), then the install layout.
    const QStringList candidates{exe.filePath(QStringLiteral("../../models/") + name),
                                 exe.filePath(QStringLiteral("../models/") + name),
                                 exe.filePath(QStringLiteral("../share/neurorack/models/") + name),
                                 QStringLiteral(NEURORACK_SOURCE_MODELS_DIR "/") + name};
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

} // namespace neurorack
