// An image file → its RGBA pixels, drawn on a canvas at most 4× the network input per
// side (model/inference_view.js pixelCanvasSize); the core does the exact resizing.
import { pixelCanvasSize } from './model/inference_view.js';

// → {width, height, channels: 4, data: Uint8ClampedArray}. Rejects with a readable
// message when the file is not an image the browser can decode.
export async function imagePixels(file, inputShape) {
  let bitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(`${file.name}: not an image this browser can read`);
  }
  const { width, height } = pixelCanvasSize(bitmap.width, bitmap.height, inputShape);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { width, height, channels: 4, data: context.getImageData(0, 0, width, height).data };
}
