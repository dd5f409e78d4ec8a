// Fashion-MNIST in the page, without the DOM: its class names, the IDX files' header, and
// a dataset image as the network input the trainer uses (core/train/dataset_input.hpp).

// In label order (github.com/zalandoresearch/fashion-mnist; core/data/image_dataset.cpp).
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

// An uncompressed IDX file of unsigned bytes (core/data/idx.hpp): magic 00 00 08 rank,
// big-endian uint32 dims, then exactly product(dims) bytes. → {dims, values} (a view).
export function parseIdx(bytes, name, rank) {
  if (bytes.length < 4 + 4 * rank || bytes[0] !== 0 || bytes[1] !== 0 || bytes[2] !== 8 || bytes[3] !== rank) {
    throw new Error(`${name}: not an IDX file of unsigned bytes with ${rank} dimensions`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: rank }, (_, dim) => view.getUint32(4 + 4 * dim));
  const header = 4 + 4 * rank;
  const expected = header + dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) throw new Error(`${name}: ${bytes.length} bytes, the header promises ${expected}`);
  return { dims, values: bytes.subarray(header) };
}

// {images: IDX bytes, labels: IDX bytes} → {count, height, width, image(index) →
// Uint8Array h×w, label(index)}.
export function imageSet({ images, labels }, split) {
  const pixels = parseIdx(images, `${split} images`, 3);
  const classes = parseIdx(labels, `${split} labels`, 1);
  const [count, height, width] = pixels.dims;
  if (classes.dims[0] !== count) throw new Error(`${split}: ${count} images but ${classes.dims[0]} labels`);
  return {
    count, height, width,
    image: (index) => pixels.values.subarray(index * height * width, (index + 1) * height * width),
    label: (index) => classes.values[index],
  };
}

// A grey h×w image (bytes 0–255, row-major) as the input of a [1, H, W] network the way
// the trainer feeds it: pixel / 255, centred, zero padding around (H ≥ h, W ≥ w).
// → Float32Array in C, H, W order. Throws when the network does not take it.
export function datasetInput(pixels, height, width, inputShape) {
  const [channels, netHeight, netWidth] = inputShape;
  if (channels !== 1 || netHeight < height || netWidth < width) {
    throw new Error(`the network input is ${inputShape.join('×')}; Fashion-MNIST images need 1×H×W with H ≥ ${height}, W ≥ ${width}`);
  }
  const out = new Float32Array(netHeight * netWidth);
  const top = Math.floor((netHeight - height) / 2);
  const left = Math.floor((netWidth - width) / 2);
  for (let y = 0; y < height; ++y) {
    for (let x = 0; x < width; ++x) out[(top + y) * netWidth + left + x] = pixels[y * width + x] / 255;
  }
  return out;
}

// Whether a network (input shape [C, H, W]) can train on / read 28×28 grey images.
export function takesFashionMnist(inputShape) {
  return inputShape?.length === 3 && inputShape[0] === 1 && inputShape[1] >= 28 && inputShape[2] >= 28;
}
