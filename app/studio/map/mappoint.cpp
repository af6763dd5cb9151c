// SPDX-License-Identifier: GPL-3.0-or-later
#include "mappoint.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace neurorack::studio {

namespace {

constexpr int kMaxJacobiSweeps = 64;
constexpr double kJacobiTolerance = 1e-14;
/// Columns whose standard deviation (slider space) is below this count as constant.
constexpr double kConstantColumn = 1e-9;
/// Loadings closer than this are a tie for the sign convention; the first one wins.
constexpr double kLoadingTie = 1e-9;

std::size_t at(DescriptorId id)
{
    return static_cast<std::size_t>(id);
}

double median(std::vector<double> values)
{
    const std::size_t n = values.size();
    const auto mid = values.begin() + static_cast<std::ptrdiff_t>(n / 2);
    std::nth_element(values.begin(), mid, values.end());
    if (n % 2 == 1)
        return *mid;
    const double upper = *mid;
    const double lower = *std::max_element(values.begin(), mid);
    return 0.5 * (lower + upper);
}

} // namespace

bool MapPoint::isVoiced() const
{
    return !std::isnan(value(DescriptorId::Pitch));
}

double MapPoint::normalized(DescriptorId id) const
{
    const double v = value(id);
    return std::isnan(v) ? 0.0 : descriptor(id).toNormalized(v);
}

MapPoint MapPoint::summarize(const DescriptorCurves &curves)
{
    MapPoint point;
    for (const auto id : kAllDescriptors)
        point.setValue(id, descriptor(id).neutral);
    point.setValue(DescriptorId::Pitch, std::nan(""));
    const int frames = curves.frameCount();
    if (frames == 0)
        return point;

    const auto loudness = curves.curve(DescriptorId::Loudness);
    const double peak = *std::max_element(loudness.begin(), loudness.end());
    point.setValue(DescriptorId::Loudness, peak);

    // Weights: linear amplitude relative to the peak over the audible frames; a silent
    // sound (every frame at the floor) weighs its frames alike.
    const double floor = descriptor(DescriptorId::Loudness).minimum;
    const double gate = std::max(floor, peak - kAudibleRangeDb);
    std::vector<double> weights(static_cast<std::size_t>(frames), 0.0);
    double weightSum = 0.0;
    for (int i = 0; i < frames; ++i) {
        const double level = loudness[static_cast<std::size_t>(i)];
        if (level > floor && level >= gate) {
            weights[static_cast<std::size_t>(i)] = std::pow(10.0, (level - peak) / 20.0);
            weightSum += weights[static_cast<std::size_t>(i)];
        }
    }
    if (!(weightSum > 0.0)) {
        std::fill(weights.begin(), weights.end(), 1.0);
        weightSum = frames;
    }
    for (const auto id : {DescriptorId::Percussivity, DescriptorId::Noisiness, DescriptorId::Tonality,
                          DescriptorId::Richness, DescriptorId::Brightness}) {
        const auto curve = curves.curve(id);
        double sum = 0.0;
        for (int i = 0; i < frames; ++i)
            sum += weights[static_cast<std::size_t>(i)] * curve[static_cast<std::size_t>(i)];
        point.setValue(id, sum / weightSum);
    }

    std::vector<double> voiced;
    const auto pitch = curves.curve(DescriptorId::Pitch);
    for (const float hz : pitch) {
        if (!std::isnan(hz))
            voiced.push_back(hz);
    }
    if (!voiced.empty())
        point.setValue(DescriptorId::Pitch, median(std::move(voiced)));
    return point;
}

Projection::Eigen Projection::symmetricEigen(const Matrix &m)
{
    constexpr int n = kDescriptorCount;
    Matrix a = m;
    Matrix v{};
    for (int i = 0; i < n; ++i)
        v[i][i] = 1.0;

    double scale = 0.0;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            scale += a[i][j] * a[i][j];
    for (int sweep = 0; sweep < kMaxJacobiSweeps; ++sweep) {
        double off = 0.0;
        for (int p = 0; p < n; ++p)
            for (int q = p + 1; q < n; ++q)
                off += a[p][q] * a[p][q];
        if (off <= kJacobiTolerance * kJacobiTolerance * std::max(scale, 1.0))
            break;
        for (int p = 0; p < n; ++p) {
            for (int q = p + 1; q < n; ++q) {
                if (a[p][q] == 0.0)
                    continue;
                // The rotation that zeroes a[p][q] (Golub & Van Loan, symmetric Schur).
                const double theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                const double t = (theta >= 0.0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (int k = 0; k < n; ++k) {
                    const double akp = a[k][p];
                    const double akq = a[k][q];
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for (int k = 0; k < n; ++k) {
                    const double apk = a[p][k];
                    const double aqk = a[q][k];
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for (int k = 0; k < n; ++k) {
                    const double vkp = v[k][p];
                    const double vkq = v[k][q];
                    v[k][p] = c * vkp - s * vkq;
                    v[k][q] = s * vkp + c * vkq;
                }
            }
        }
    }

    std::array<int, n> order{};
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return a[x][x] > a[y][y]; });
    Eigen result;
    for (int k = 0; k < n; ++k) {
        const int col = order[k];
        result.values[k] = a[col][col];
        for (int i = 0; i < n; ++i)
            result.vectors[k][i] = v[i][col];
    }
    return result;
}

void Projection::fit(std::span<const MapPoint> points)
{
    *this = Projection();
    const std::size_t count = points.size();
    if (count < 2)
        return;

    double pitchSum = 0.0;
    int voicedCount = 0;
    for (const MapPoint &p : points) {
        if (p.isVoiced()) {
            pitchSum += p.normalized(DescriptorId::Pitch);
            ++voicedCount;
        }
    }
    m_pitchMean = voicedCount > 0 ? pitchSum / voicedCount : 0.0;

    // Slider-space values; unvoiced pitch takes the voiced mean (it then adds no variance).
    std::vector<Vector> rows(count);
    for (std::size_t r = 0; r < count; ++r) {
        for (const auto id : kAllDescriptors)
            rows[r][at(id)] = points[r].normalized(id);
        if (!points[r].isVoiced())
            rows[r][at(DescriptorId::Pitch)] = m_pitchMean;
    }
    for (std::size_t d = 0; d < kDescriptorCount; ++d) {
        double sum = 0.0;
        for (const Vector &row : rows)
            sum += row[d];
        m_mean[d] = sum / static_cast<double>(count);
        double squares = 0.0;
        for (const Vector &row : rows)
            squares += (row[d] - m_mean[d]) * (row[d] - m_mean[d]);
        const double deviation = std::sqrt(squares / static_cast<double>(count));
        m_scale[d] = deviation > kConstantColumn ? 1.0 / deviation : 0.0;
    }

    Matrix correlation{};
    for (const Vector &row : rows) {
        Vector z{};
        for (std::size_t d = 0; d < kDescriptorCount; ++d)
            z[d] = (row[d] - m_mean[d]) * m_scale[d];
        for (std::size_t i = 0; i < kDescriptorCount; ++i)
            for (std::size_t j = i; j < kDescriptorCount; ++j)
                correlation[i][j] += z[i] * z[j];
    }
    for (std::size_t i = 0; i < kDescriptorCount; ++i) {
        for (std::size_t j = i; j < kDescriptorCount; ++j) {
            correlation[i][j] /= static_cast<double>(count);
            correlation[j][i] = correlation[i][j];
        }
        m_totalVariance += correlation[i][i];
    }

    const Eigen eigen = symmetricEigen(correlation);
    for (std::size_t k = 0; k < 2; ++k) {
        Vector axis = eigen.vectors[k];
        std::size_t largest = 0;
        for (std::size_t d = 1; d < kDescriptorCount; ++d) {
            if (std::abs(axis[d]) > std::abs(axis[largest]) + kLoadingTie)
                largest = d;
        }
        if (axis[largest] < 0.0) {
            for (double &x : axis)
                x = -x;
        }
        m_components[k] = axis;
        m_variances[k] = std::max(0.0, eigen.values[k]);
    }
    m_valid = true;
}

Projection::Vector Projection::standardized(const MapPoint &point) const
{
    Vector z{};
    if (!m_valid)
        return z;
    for (const auto id : kAllDescriptors) {
        double x = point.normalized(id);
        if (id == DescriptorId::Pitch && !point.isVoiced())
            x = m_pitchMean;
        z[at(id)] = (x - m_mean[at(id)]) * m_scale[at(id)];
    }
    return z;
}

QPointF Projection::project(const MapPoint &point) const
{
    if (!m_valid)
        return {};
    const Vector z = standardized(point);
    double x = 0.0;
    double y = 0.0;
    for (std::size_t d = 0; d < kDescriptorCount; ++d) {
        x += z[d] * m_components[0][d];
        y += z[d] * m_components[1][d];
    }
    return {x, y};
}

double Projection::varianceRatio(int component) const
{
    return m_totalVariance > 0.0 ? variance(component) / m_totalVariance : 0.0;
}

} // namespace neurorack::studio
