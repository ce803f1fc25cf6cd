package ai.kinitro.miner.upload;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/** A body publisher that reports how many bytes were handed to the connection. */
final class ProgressPublisher implements HttpRequest.BodyPublisher {
  private final HttpRequest.BodyPublisher delegate;
  private final LongConsumer progress;

  ProgressPublisher(HttpRequest.BodyPublisher delegate, LongConsumer progress) {
    this.delegate = delegate;
    this.progress = progress;
  }

  @Override
  public long contentLength() {
    return delegate.contentLength();
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    delegate.subscribe(new Flow.Subscriber<>() {
      private long sent;

      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscriber.onSubscribe(subscription);
      }

      @Override
      public void onNext(ByteBuffer item) {
        int n = item.remaining();
        subscriber.onNext(item);
        sent += n;
        progress.accept(sent);
      }

      @Override
      public void onError(Throwable throwable) {
        subscriber.onError(throwable);
      }

      @Override
      public void onComplete() {
        subscriber.onComplete();
      }
    });
  }
}
