/**
 * Where a Fargate context's image comes from: the recipe `charter bundle` writes for it
 * (`<dir>/<ctx>/Dockerfile` next to the bundled server), built for arm64 by the CDK CLI at
 * deploy time, or an image built elsewhere.
 * @module
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ecrAssets from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/** @example ContainerCode.fromBundleDir('dist/containers') */
export abstract class ContainerCode {
  /**
   * The folders `charter bundle` writes for Fargate contexts: `<dir>/<ctx>/{Dockerfile,server.mjs}`.
   * @example ContainerCode.fromBundleDir('dist/containers')
   */
  static fromBundleDir(dir: string): ContainerCode {
    return new BundleDirImage(dir);
  }

  /**
   * An image built and pushed by other means.
   * @example ContainerCode.fromImage(ecs.ContainerImage.fromEcrRepository(repo, 'v42'))
   */
  static fromImage(image: ecs.ContainerImage): ContainerCode {
    return new GivenImage(image);
  }

  /** What keeps the image from being built, each with how to fix it. */
  abstract problems(context: string): string[];

  abstract imageFor(context: string): ecs.ContainerImage;
}

class BundleDirImage extends ContainerCode {
  constructor(private readonly dir: string) {
    super();
  }

  problems(context: string): string[] {
    return existsSync(join(this.dir, context, 'Dockerfile'))
      ? []
      : [
          `${join(this.dir, context, 'Dockerfile')} is missing: run \`npx charter bundle ${context}\`, which writes the container recipe of a context with "runtime": "fargate"`,
        ];
  }

  imageFor(context: string): ecs.ContainerImage {
    return ecs.ContainerImage.fromAsset(join(this.dir, context), {
      platform: ecrAssets.Platform.LINUX_ARM64,
    });
  }
}

class GivenImage extends ContainerCode {
  constructor(private readonly image: ecs.ContainerImage) {
    super();
  }

  problems(): string[] {
    return [];
  }

  imageFor(): ecs.ContainerImage {
    return this.image;
  }
}
